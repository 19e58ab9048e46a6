import type { Store } from '../../cloud/store/connect'
import { org } from '../../seeds/org'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'

/** 一企一档 for ent-002: officer u-officer-01, department 经济发展局 (head u-head-econ), leader u-leader-01. */
describe('一企一档', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const e2 = org.enterprises[1]

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-03-02T09:00:00+08:00' })
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  it('shows the five ones; the owner gets their own file with the check-in code, and no other', async () => {
    expect((await api.fail(e2.owner.id, 'enterprise.dossier', { enterpriseId: 'ent-001' })).status).toBe(404)
    const file = await api.call(e2.owner.id, 'enterprise.dossier', {})
    expect(file).toMatchObject({
      enterprise: { id: e2.id, name: e2.name },
      leader: { id: 'u-leader-01' },
      department: { id: 'dept-econ', name: '经济发展局' },
      departmentHead: { id: 'u-head-econ' },
      officer: { id: 'u-officer-01' },
      team: '经济发展局帮扶小组',
      canManage: false,
    })
    expect(file.checkinCode).toMatch(/^[A-Za-z0-9_-]{12}$/)
    // Staff who visit never see the code: they scan it on site.
    expect((await api.call('u-officer-01', 'enterprise.dossier', { enterpriseId: e2.id })).checkinCode).toBeNull()
  })

  it.each([
    ['u-officer-04', 404],
    ['u-head-finance', 404],
    ['u-officer-01', 200],
    ['u-head-econ', 200],
    ['u-leader-03', 200],
    ['u-admin', 200],
  ])('%s asking for ent-002 gets %i', async (userId, status) => {
    expect((await api.fail(userId, 'enterprise.dossier', { enterpriseId: e2.id })).status).toBe(status)
  })

  it('the plan: the head of its department adds a milestone, the officer completes it, overdue ones show', async () => {
    expect((await api.fail('u-officer-01', 'plan.saveMilestone', { enterpriseId: e2.id, title: '竣工验收', dueOn: '2026-03-20' })).status).toBe(403)
    expect((await api.fail('u-head-finance', 'plan.saveMilestone', { enterpriseId: e2.id, title: '竣工验收', dueOn: '2026-03-20' })).status).toBe(404)
    const bad = await api.fail('u-head-econ', 'plan.saveMilestone', { enterpriseId: e2.id, title: '竣工验收', dueOn: '2026-13-01' })
    expect(bad.body).toMatchObject({ ok: false, error: { field: 'dueOn' } })

    await api.call('u-head-econ', 'plan.saveMilestone', { enterpriseId: e2.id, title: '二期竣工验收', dueOn: '2026-03-06' })
    const file = await api.call('u-head-econ', 'plan.saveMilestone', { enterpriseId: e2.id, title: '授信 500 万元', dueOn: '2026-03-20' })
    expect(file.plan.map((m) => [m.title, m.status])).toEqual([
      ['二期竣工验收', 'due_soon'],
      ['授信 500 万元', 'open'],
    ])
    setup.clock.set('2026-03-07T09:00:00+08:00')
    const later = await api.call('u-officer-01', 'enterprise.dossier', { enterpriseId: e2.id })
    expect(later.plan[0].status).toBe('overdue')
    const done = await api.call('u-officer-01', 'plan.completeMilestone', { id: later.plan[0].id, note: '已通过验收' })
    expect(done.plan[0]).toMatchObject({ status: 'done', note: '已通过验收', doneAt: Date.parse('2026-03-07T09:00:00+08:00') })
    expect((await api.fail('u-officer-01', 'plan.completeMilestone', { id: later.plan[0].id })).status).toBe(409)
  })

  it('a leader reassigns the officer and the team; the new officer covers it, the old one no longer sees it', async () => {
    const file = await api.call('u-leader-02', 'enterprise.assign', { enterpriseId: e2.id, officerId: 'u-officer-02', team: '药包材产业服务专班' })
    expect(file).toMatchObject({ officer: { id: 'u-officer-02' }, team: '药包材产业服务专班' })
    expect((await api.fail('u-officer-01', 'enterprise.dossier', { enterpriseId: e2.id })).status).toBe(404)
    expect((await api.call('u-officer-02', 'visit.compliance', {})).mine.map((m) => m.id)).toContain(e2.id)
    const wrong = await api.fail('u-admin', 'enterprise.assign', { enterpriseId: e2.id, officerId: 'u-head-econ' })
    expect(wrong.body).toMatchObject({ ok: false, error: { field: 'officerId' } })
    expect((await api.fail('u-head-econ', 'enterprise.assign', { enterpriseId: e2.id, team: 'x' })).status).toBe(403)
  })
})
