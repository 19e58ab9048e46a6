import { fixedClock, inZone } from '../../cloud/domain/clock'
import type { Store } from '../../cloud/store/connect'
import { seedIfEmpty } from '../../cloud/store/seed'
import { org } from '../../seeds/org'
import { OPEN_HALVES, PAST_VISITS, PLANS } from '../../seeds/visits'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'

const NOW = '2026-03-02T09:00:00+08:00'

/**
 * The demonstration data `npm start` writes (seeds/visits.ts): bookable slots, plans with due and
 * overdue milestones, past visits. Checked against what that file says, whatever it says.
 */
describe('demo seed for visits', () => {
  let store: Store
  beforeAll(async () => {
    store = await makeStore({ seed: false })
    await seedIfEmpty(store, fixedClock(NOW), org, { demo: true })
  })
  afterAll(() => store.close())

  it('an owner can book their officer, head and leader in the coming weeks, on the half-days each opens', async () => {
    const api = apiAs(makeServices(store, { now: NOW }).services)
    const { hosts } = await api.call(org.enterprises[1].owner.id, 'visit.slots', {})
    expect(hosts.map((h) => [h.role, h.slots.length > 0])).toEqual([
      ['officer', true],
      ['dept_head', true],
      ['leader', true],
    ])
    // Each offers exactly the weekdays and halves the demo opens for its role (an officer's Monday morning is the meeting).
    for (const host of hosts) {
      const offered = new Set(host.slots.map((s) => `${inZone(Date.parse(`${s.day}T12:00:00+08:00`)).day()} ${s.half}`))
      const opened = new Set(OPEN_HALVES[host.role as keyof typeof OPEN_HALVES].map((o) => `${o.weekday} ${o.half}`))
      expect([host.role, [...offered].sort()]).toEqual([host.role, [...opened].sort()])
    }
  })

  it('a plan has an overdue milestone; its file shows the five ones, the plan and the visit history', async () => {
    const api = apiAs(makeServices(store, { now: NOW }).services)
    const plan = PLANS.find((p) => p.milestones.some((m) => m.dueIn < 0 && m.doneDaysAgo === undefined))!
    expect(plan).toBeDefined()
    const enterprise = org.enterprises.find((e) => e.id === plan.enterpriseId)!
    const file = await api.call(enterprise.leaderId, 'enterprise.dossier', { enterpriseId: enterprise.id })
    const expected = [...plan.milestones]
      .sort((a, b) => a.dueIn - b.dueIn)
      .map((m) => [m.title, m.doneDaysAgo !== undefined ? 'done' : m.dueIn < 0 ? 'overdue' : m.dueIn <= 7 ? 'due_soon' : 'open'])
    expect(file.plan.map((m) => [m.title, m.status])).toEqual(expected)
    expect(file).toMatchObject({
      leader: { id: enterprise.leaderId },
      department: { name: expect.any(String) },
      officer: { id: enterprise.officerId },
      team: expect.stringContaining('帮扶小组'),
      canManage: true,
    })
    const role = (id: string) => org.users.find((u) => u.id === id)!.role
    const visits = PAST_VISITS.filter((v) => v.enterpriseId === enterprise.id).sort((a, b) => a.daysAgo - b.daysAgo)
    expect(file.visits.map((v) => [v.kind, v.state, v.proven])).toEqual(
      visits.map((v) => [role(v.hostId) === 'leader' ? 'meeting' : 'visit', 'done', true]),
    )
  })
})
