import { APPEAL_CATEGORIES } from '../../cloud/domain/appeal/categories'
import { isValidCreditCode } from '../../cloud/domain/credit-code'
import type { Store } from '../../cloud/store/connect'
import { TEST_DIVISION } from '../support/factories'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * The tests' own town (test/support/town.ts) holds what the other tests take for granted of it;
 * if an edit to the town breaks one of these, the tests relying on it would mislead.
 */
describe('the test town', () => {
  it('is plainly its own: valid credit codes in a division that does not exist, ids and phones no two share', () => {
    for (const e of town.all.enterprises)
      expect([e.id, isValidCreditCode(e.credit_code), e.credit_code.slice(2, 8)]).toEqual([e.id, true, TEST_DIVISION])
    const people = [...town.all.users, ...town.all.owners]
    expect(new Set(people.map((u) => u.id)).size).toBe(people.length)
    expect(new Set(people.map((u) => u.phone)).size).toBe(people.length)
    expect(new Set(town.all.enterprises.map((e) => e.credit_code)).size).toBe(town.all.enterprises.length)
  })

  it('names every person once, so the login page can be tapped by name, and no firm like a person', () => {
    const names = [...town.all.users, ...town.all.owners].map((u) => u.name)
    expect(new Set(names).size).toBe(names.length)
    for (const e of town.all.enterprises) expect(names).not.toContain(e.name)
  })

  it('routes every category to one of its departments; every department has a head, every firm its officer, department and leader', () => {
    const departments = new Set(town.all.departments.map((d) => d.id))
    for (const category of APPEAL_CATEGORIES) expect([category, departments.has(town.routing[category])]).toEqual([category, true])
    for (const d of town.all.departments)
      expect([d.id, Object.values(town.heads).filter((h) => h.department_id === d.id).length]).toEqual([d.id, 1])
    const roleOf = new Map(town.all.staff.map((u) => [u.id, u.role]))
    for (const e of town.all.enterprises) {
      expect([e.id, roleOf.get(e.officer_id), departments.has(e.department_id), roleOf.get(e.leader_id), e.owner.enterprise_id]).toEqual([
        e.id,
        'officer',
        true,
        'leader',
        e.id,
      ])
    }
  })

  it('has what the tests count on: the officer’s three firms, a park of five, two 专精特新, one 物流企业, 22 booths', () => {
    expect(town.all.enterprises.filter((e) => e.officer_id === town.officer.id).map((e) => e.id)).toEqual([
      town.enterprises.medPack.id,
      town.enterprises.vialWorks.id,
      town.enterprises.capsulePack.id,
    ])
    const park = town.all.enterprises.filter((e) => e.park === town.enterprises.medPack.park)
    expect(park).toHaveLength(5)
    expect(park.map((e) => e.officer_id)).not.toContain(town.officers.transport.id)
    expect(town.all.enterprises.filter((e) => JSON.parse(e.tags).includes('专精特新'))).toHaveLength(2)
    expect(town.all.enterprises.filter((e) => e.kind === '物流企业')).toHaveLength(1)
    expect(town.all.booths).toHaveLength(22)
    expect(new Set(town.all.booths.map((b) => b.booth_no)).size).toBe(22)
  })

  describe('seeded', () => {
    let store: Store
    beforeAll(async () => {
      store = await makeStore()
    })
    afterAll(() => store.close())

    it('offers everyone on the login page, owners with their firm', async () => {
      const users = await apiAs(makeServices(store).services).call(town.guest.id, 'auth.devUsers', {})
      expect(users).toHaveLength(town.all.users.length + town.all.owners.length)
      expect(
        users
          .filter((u) => u.role === 'owner')
          .map((u) => u.enterpriseName)
          .sort(),
      ).toEqual(town.all.enterprises.map((e) => e.name).sort())
    })

    it('publishes its policies before the day it is seeded, and opens its exhibition that day', async () => {
      const api = apiAs(makeServices(store).services)
      const { items, total } = await api.call(town.guest.id, 'policy.list', { limit: 50 })
      expect(total).toBe(town.all.policies.length)
      expect(items.every((p) => p.publishedAt < '2026-03-02')).toBe(true)
      const [expo] = await api.call(town.admin.id, 'expo.adminList', {})
      expect(expo).toMatchObject({ id: town.expo.id, startsOn: '2026-03-02', endsOn: '2026-03-04', phase: 'open' })
    })
  })
})
