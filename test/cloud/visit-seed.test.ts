import { fixedClock } from '../../cloud/domain/clock'
import type { Store } from '../../cloud/store/connect'
import { seedIfEmpty } from '../../cloud/store/seed'
import { org } from '../../seeds/org'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'

/** The demonstration data `npm start` writes: bookable slots, plans with due and overdue milestones, past visits. */
describe('demo seed for visits', () => {
  let store: Store
  beforeAll(async () => {
    store = await makeStore({ seed: false })
    await seedIfEmpty(store, fixedClock('2026-03-02T09:00:00+08:00'), org, { demo: true })
  })
  afterAll(() => store.close())

  it('an owner can book their officer, head and leader in the coming weeks', async () => {
    const api = apiAs(makeServices(store, { now: '2026-03-02T09:00:00+08:00' }).services)
    const { hosts } = await api.call(org.enterprises[1].owner.id, 'visit.slots', {})
    expect(hosts.map((h) => [h.role, h.slots.length > 0])).toEqual([
      ['officer', true],
      ['dept_head', true],
      ['leader', true],
    ])
    // Monday morning is the officers' meeting; leaders receive on Wednesday afternoons.
    expect(hosts[0].slots.some((s) => s.label.includes('周一 上午'))).toBe(false)
    expect(hosts[2].slots.every((s) => s.label.endsWith('周三 下午'))).toBe(true)
  })

  it('the plan of ent-011 has an overdue milestone; its file shows the five ones and the visit history', async () => {
    const api = apiAs(makeServices(store, { now: '2026-03-02T09:00:00+08:00' }).services)
    const file = await api.call('u-leader-01', 'enterprise.dossier', { enterpriseId: 'ent-011' })
    expect(file.plan.map((m) => [m.title, m.status])).toEqual([
      ['GMP 符合性检查整改', 'overdue'],
      ['新建原料药车间环评批复', 'open'],
    ])
    expect(file).toMatchObject({ leader: { id: 'u-leader-01' }, department: { name: expect.any(String) }, officer: { id: expect.any(String) }, team: expect.stringContaining('帮扶小组'), canManage: true })
    expect(file.visits.map((v) => [v.kind, v.state, v.proven])).toEqual([['meeting', 'done', true]])
  })
})
