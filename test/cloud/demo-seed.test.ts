import { join } from 'node:path'
import { APPEAL_CATEGORIES } from '../../cloud/domain/appeal/categories'
import { fixedClock, inZone } from '../../cloud/domain/clock'
import { isValidCreditCode } from '../../cloud/domain/credit-code'
import type { Store } from '../../cloud/store/connect'
import { countDepartments } from '../../cloud/store/repositories/departments'
import { findEnterpriseByCreditCode } from '../../cloud/store/repositories/enterprises'
import { listPublishedPolicies } from '../../cloud/store/repositories/policies'
import { listUsersWithEnterprise } from '../../cloud/store/repositories/users'
import { readPolicyFiles, seedIfEmpty, SEEDS_DIR } from '../../cloud/store/seed'
import { seededDates } from '../../cloud/store/seed-exhibition'
import { exhibition, exhibitors, invitations } from '../../seeds/exhibition'
import { org } from '../../seeds/org'
import { routing } from '../../seeds/routing'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'

/**
 * The demo town under seeds/, which `npm start` and `npm run db:seed` write (every other test builds
 * its own town: test/support/town.ts). The demo's firms, people and booths will change; these tests
 * hold whatever it holds to the rules, by property rather than by name.
 */
const NOW = '2026-03-02T09:00:00+08:00'
const policyFiles = () => readPolicyFiles(join(SEEDS_DIR, 'policies'), 0)

describe('the demo town’s data', () => {
  const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id))
  const departments = ids(org.departments)
  const people = new Map(org.users.map((u) => [u.id, u]))

  it('has departments, staff of every role, and enterprises', () => {
    expect(org.departments.length).toBeGreaterThan(0)
    for (const role of ['officer', 'dept_head', 'leader', 'admin'] as const)
      expect([role, org.users.some((u) => u.role === role)]).toEqual([role, true])
    expect(org.enterprises.length).toBeGreaterThan(0)
  })

  it('gives every person and every enterprise an id of its own; staff belong to departments that exist, each with a head', () => {
    const all = [...org.departments, ...org.users, ...org.enterprises, ...org.enterprises.map((e) => e.owner)]
    expect(ids(all).size).toBe(all.length)
    for (const u of org.users.filter((u) => u.role === 'officer' || u.role === 'dept_head'))
      expect([u.id, departments.has(u.departmentId ?? '')]).toEqual([u.id, true])
    for (const d of org.departments)
      expect([d.id, org.users.some((u) => u.role === 'dept_head' && u.departmentId === d.id)]).toEqual([d.id, true])
  })

  // Binding codes are issued in the app (one-time, hashed, expiring), never seeded: see onboarding.test.ts.
  it('every enterprise: a valid credit code of its own, its officer, department and leader', () => {
    expect(new Set(org.enterprises.map((e) => e.creditCode)).size).toBe(org.enterprises.length)
    for (const e of org.enterprises) {
      expect([e.id, isValidCreditCode(e.creditCode)]).toEqual([e.id, true])
      expect([e.id, people.get(e.officerId)?.role, departments.has(e.departmentId), people.get(e.leaderId)?.role]).toEqual([
        e.id,
        'officer',
        true,
        'leader',
      ])
    }
  })

  it('routes every appeal category to a department that exists', () => {
    expect(Object.keys(routing).sort()).toEqual([...APPEAL_CATEGORIES].sort())
    for (const [category, departmentId] of Object.entries(routing))
      expect([category, departments.has(departmentId)]).toEqual([category, true])
  })

  it('its exhibition: one booth per number, town booths of its own enterprises, others with a contact; featured policies exist', () => {
    expect(new Set(exhibitors.map((b) => b.boothNo)).size).toBe(exhibitors.length)
    const enterprises = ids(org.enterprises)
    for (const b of exhibitors) {
      expect([b.boothNo, b.enterpriseId ? enterprises.has(b.enterpriseId) : Boolean(b.name && b.contact)]).toEqual([b.boothNo, true])
      expect([b.boothNo, (exhibition.halls as readonly string[]).includes(b.hall)]).toEqual([b.boothNo, true])
    }
    const policies = ids(policyFiles())
    for (const id of exhibition.featuredPolicyIds) expect([id, policies.has(id)]).toEqual([id, true])
    expect(new Set(invitations.map((i) => i.code)).size).toBe(invitations.length)
  })
})

describe('seeding the demo town', () => {
  let store: Store
  beforeEach(async () => {
    store = await makeStore({ seed: false })
    await seedIfEmpty(store, fixedClock(NOW))
  })
  afterEach(() => store.close())

  it('seeds the town once: departments, people, enterprises with owners, policies', async () => {
    expect(await countDepartments(store.db)).toBe(org.departments.length)
    const users = await listUsersWithEnterprise(store.db)
    expect(users.filter((u) => u.role === 'officer')).toHaveLength(org.users.filter((u) => u.role === 'officer').length)
    expect(users.filter((u) => u.role === 'owner')).toHaveLength(org.enterprises.length)
    expect(users.filter((u) => u.role === 'owner').every((u) => u.enterprise_name)).toBe(true)
    const first = org.enterprises[0]
    expect(await findEnterpriseByCreditCode(store.db, first.creditCode)).toMatchObject({ id: first.id, name: first.name })
    const published = policyFiles().filter((p) => p.status === 'published').length
    const { total } = await listPublishedPolicies(store.db, {
      sort: 'latest',
      today: '2026-03-02',
      expiringBy: '2026-05-01',
      limit: 50,
      offset: 0,
    })
    expect(published).toBeGreaterThan(0)
    expect(total).toBe(published)

    expect(await seedIfEmpty(store, fixedClock(0))).toBe(false)
    expect(await countDepartments(store.db)).toBe(org.departments.length)
  })

  it('a seed with a bad credit code writes nothing at all', async () => {
    const empty = await makeStore({ seed: false })
    const broken = { ...org, enterprises: [{ ...org.enterprises[0], creditCode: '91440300708461136X' }] }
    await expect(seedIfEmpty(empty, fixedClock(0), broken)).rejects.toThrow(/invalid credit code/)
    expect(await countDepartments(empty.db)).toBe(0)
    await empty.close()
  })

  it('seeds the exhibition as written: its size, days, halls, forum, every booth, the free zone and the VIP invitations', async () => {
    const api = apiAs(makeServices(store, { now: NOW }).services)
    const admin = org.users.find((u) => u.role === 'admin')!.id
    const [seeded] = await api.call(admin, 'expo.adminList', {})
    expect(seeded).toMatchObject({
      name: exhibition.name,
      venue: exhibition.venue,
      boothCount: exhibition.boothCount,
      areaM2: exhibition.areaM2,
      ...seededDates(Date.parse(NOW)),
      dateLabel: expect.stringMatching(/^3月2日/),
      phase: 'open',
    })
    expect(seeded.halls).toEqual(exhibition.halls)
    expect(seeded.forum.map((f) => f.title)).toEqual(exhibition.forum.map((f) => f.title))
    const detail = await api.call(admin, 'expo.adminGet', { id: seeded.id })
    expect(detail.exhibitors).toHaveLength(exhibitors.length)
    for (const booth of exhibitors.filter((b) => b.enterpriseId)) {
      expect(detail.exhibitors.find((e) => e.boothNo === booth.boothNo)).toMatchObject({
        name: org.enterprises.find((e) => e.id === booth.enterpriseId)!.name,
        enterpriseId: booth.enterpriseId,
      })
    }
    expect(detail.exhibitors.filter((e) => e.freeZone).length).toBe(exhibitors.filter((b) => b.freeZone).length)
    expect(detail.invitations).toEqual({ total: invitations.length, claimed: 0 })
    for (const e of [...detail.exhibitors, detail.entrance]) expect(e.path).toBe(`/pages/expo/index?scene=${encodeURIComponent(e.scene)}`)
  })

  it('opens the seeded exhibition on the Beijing day of seeding, for its run of days, whatever that day is', () => {
    const last = (first: string) =>
      inZone(Date.parse(`${first}T12:00:00+08:00`))
        .add(exhibition.runDays - 1, 'day')
        .format('YYYY-MM-DD')
    expect(exhibition.runDays).toBeGreaterThan(0)
    expect(seededDates(Date.parse('2026-03-02T09:00:00+08:00'))).toEqual({ startsOn: '2026-03-02', endsOn: last('2026-03-02') })
    // 23:30 UTC on the 30th is already the 31st in Beijing; a run of more than a day crosses into the new year.
    expect(seededDates(Date.parse('2026-12-30T23:30:00Z'))).toEqual({ startsOn: '2026-12-31', endsOn: last('2026-12-31') })
  })
})
