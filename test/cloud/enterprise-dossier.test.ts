import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/** 一企一档 for medPack: the town's officer, 产业服务办 (and its head), the town's first leader. */
describe('一企一档', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const e2 = town.enterprises.medPack
  const officer = town.officer.id
  const head = town.heads.industry.id
  const otherHead = town.heads.finance.id
  const admin = town.admin.id

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-03-02T09:00:00+08:00' })
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  it('shows the five ones; the owner gets their own file with the check-in code, and no other', async () => {
    expect((await api.fail(e2.owner.id, 'enterprise.dossier', { enterpriseId: town.enterprises.grainFoods.id })).status).toBe(404)
    const file = await api.call(e2.owner.id, 'enterprise.dossier', {})
    expect(file).toMatchObject({
      enterprise: { id: e2.id, name: e2.name },
      leader: { id: town.leader.id },
      department: { id: town.departments.industry.id, name: town.departments.industry.name },
      departmentHead: { id: head },
      officer: { id: officer },
      team: `${town.departments.industry.name}帮扶小组`,
      canManage: false,
    })
    expect(file.checkinCode).toMatch(/^[A-Za-z0-9_-]{12}$/)
    // Staff who visit never see the code: they scan it on site.
    expect((await api.call(officer, 'enterprise.dossier', { enterpriseId: e2.id })).checkinCode).toBeNull()
  })

  it.each([
    [town.officers.finance.id, 404],
    [town.heads.finance.id, 404],
    [town.officer.id, 200],
    [town.heads.industry.id, 200],
    [town.leaders.parkDirector.id, 200],
    [town.admin.id, 200],
  ])('%s asking for medPack gets %i', async (userId, status) => {
    expect((await api.fail(userId, 'enterprise.dossier', { enterpriseId: e2.id })).status).toBe(status)
  })

  it('the plan: the head of its department adds a milestone, the officer completes it, overdue ones show', async () => {
    expect((await api.fail(officer, 'plan.saveMilestone', { enterpriseId: e2.id, title: '竣工验收', dueOn: '2026-03-20' })).status).toBe(
      403,
    )
    expect((await api.fail(otherHead, 'plan.saveMilestone', { enterpriseId: e2.id, title: '竣工验收', dueOn: '2026-03-20' })).status).toBe(
      404,
    )
    const bad = await api.fail(head, 'plan.saveMilestone', { enterpriseId: e2.id, title: '竣工验收', dueOn: '2026-13-01' })
    expect(bad.body).toMatchObject({ ok: false, error: { field: 'dueOn' } })

    await api.call(head, 'plan.saveMilestone', { enterpriseId: e2.id, title: '二期竣工验收', dueOn: '2026-03-06' })
    const file = await api.call(head, 'plan.saveMilestone', { enterpriseId: e2.id, title: '授信 500 万元', dueOn: '2026-03-20' })
    expect(file.plan.map((m) => [m.title, m.status])).toEqual([
      ['二期竣工验收', 'due_soon'],
      ['授信 500 万元', 'open'],
    ])
    setup.clock.set('2026-03-07T09:00:00+08:00')
    const later = await api.call(officer, 'enterprise.dossier', { enterpriseId: e2.id })
    expect(later.plan[0].status).toBe('overdue')
    const done = await api.call(officer, 'plan.completeMilestone', { id: later.plan[0].id, note: '已通过验收' })
    expect(done.plan[0]).toMatchObject({ status: 'done', note: '已通过验收', doneAt: Date.parse('2026-03-07T09:00:00+08:00') })
    expect((await api.fail(officer, 'plan.completeMilestone', { id: later.plan[0].id })).status).toBe(409)
  })

  it('a leader reassigns the officer and the team; the new officer covers it, the old one no longer sees it', async () => {
    const newOfficer = town.officers.industry2.id
    const file = await api.call(town.leaders.mayor.id, 'enterprise.assign', {
      enterpriseId: e2.id,
      officerId: newOfficer,
      team: '药包材产业服务专班',
    })
    expect(file).toMatchObject({ officer: { id: newOfficer }, team: '药包材产业服务专班' })
    expect((await api.fail(officer, 'enterprise.dossier', { enterpriseId: e2.id })).status).toBe(404)
    expect((await api.call(newOfficer, 'visit.compliance', {})).mine.map((m) => m.id)).toContain(e2.id)
    const wrong = await api.fail(admin, 'enterprise.assign', { enterpriseId: e2.id, officerId: head })
    expect(wrong.body).toMatchObject({ ok: false, error: { field: 'officerId' } })
    expect((await api.fail(head, 'enterprise.assign', { enterpriseId: e2.id, team: 'x' })).status).toBe(403)
  })

  it('一套班子: the head names the team with duties, saved whole; the officer may not; the file lists it in order', async () => {
    const members = [
      { name: '王组长', duty: '组长' },
      { name: '李联络', duty: '联络员' },
    ]
    expect((await api.fail(officer, 'plan.setTeam', { enterpriseId: e2.id, members })).status).toBe(403)
    expect((await api.fail(otherHead, 'plan.setTeam', { enterpriseId: e2.id, members })).status).toBe(404)
    const bad = await api.fail(head, 'plan.setTeam', { enterpriseId: e2.id, members: [{ name: '', duty: '组长' }] })
    expect(bad.body).toMatchObject({ ok: false, error: { field: 'members.0.name' } })
    expect((await api.call(e2.owner.id, 'enterprise.dossier', {})).teamMembers).toEqual([])

    const file = await api.call(head, 'plan.setTeam', { enterpriseId: e2.id, members })
    expect(file.teamMembers).toEqual(members)
    // Saving again replaces, never appends.
    const again = await api.call(head, 'plan.setTeam', { enterpriseId: e2.id, members: [members[1]] })
    expect(again.teamMembers).toEqual([members[1]])
    expect((await api.call(e2.owner.id, 'enterprise.dossier', {})).teamMembers).toEqual([members[1]])
    const audit = await store.db.selectFrom('audit_log').select('action').where('entity_id', '=', e2.id).execute()
    expect(audit.filter((a) => a.action === 'set_team')).toHaveLength(2)
    expect((await api.fail(head, 'plan.setTeam', { enterpriseId: e2.id, members: Array(13).fill(members[0]) })).status).toBe(400)
  })

  it('一个目标: the head sets a figure with a day, once per request; the officer reports it; met, near and overdue show', async () => {
    const goal = { enterpriseId: e2.id, label: '年产值', target: 5, unit: '亿元', dueOn: '2026-03-06' }
    expect((await api.fail(officer, 'plan.saveGoal', goal)).status).toBe(403)
    const negative = await api.fail(head, 'plan.saveGoal', { ...goal, target: -1 })
    expect(negative.body).toMatchObject({ ok: false, error: { field: 'target' } })

    const first = await api.call(head, 'plan.saveGoal', { ...goal, clientRequestId: 'goal-request-0001' })
    const retried = await api.call(head, 'plan.saveGoal', { ...goal, clientRequestId: 'goal-request-0001' })
    expect(retried.goals).toHaveLength(1)
    expect(first.goals[0]).toMatchObject({ label: '年产值', target: 5, unit: '亿元', actual: null, progress: null, status: 'due_soon' })
    const id = first.goals[0].id

    const reported = await api.call(officer, 'plan.reportGoal', { id, actual: 4 })
    expect(reported.goals[0]).toMatchObject({ actual: 4, progress: 0.8, status: 'due_soon', reportedAt: setup.clock.now() })
    setup.clock.set('2026-03-07T09:00:00+08:00')
    expect((await api.call(officer, 'enterprise.dossier', { enterpriseId: e2.id })).goals[0].status).toBe('overdue')
    const met = await api.call(officer, 'plan.reportGoal', { id, actual: 5.2 })
    expect(met.goals[0]).toMatchObject({ status: 'met', progress: 1 })

    // A changed target keeps the figure reported so far.
    const moved = await api.call(head, 'plan.saveGoal', { ...goal, id, target: 6, dueOn: '2026-12-31' })
    expect(moved.goals[0]).toMatchObject({ target: 6, actual: 5.2, status: 'open' })
    expect((await api.fail(town.officers.finance.id, 'plan.reportGoal', { id, actual: 1 })).status).toBe(404)
    expect((await api.fail(e2.owner.id, 'plan.reportGoal', { id, actual: 1 })).status).toBe(403)
  })
})
