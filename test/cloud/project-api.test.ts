import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * 重点项目 on the test clock (2026-03-02, Beijing): the mayor (沈知行) is the 包抓 leader of a
 * medPack project and 林晓禾 (`town.officer`) its secretary. Admins and its leader edit it; they and
 * its secretary report on it; other staff read it; owners and guests see nothing.
 */
describe('key projects', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const { medPack, grainFoods } = town.enterprises
  const leader = town.leaders.mayor.id
  const secretary = town.officer.id
  const admin = town.admin.id
  const draft = {
    name: '年产 5000 万支疫苗西林瓶项目',
    enterpriseId: medPack.id,
    investment: 10.6,
    leaderId: leader,
    secretaryId: secretary,
    note: '一期厂房与生产线',
  }

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-03-02T09:00:00+08:00' })
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  const count = async (table: 'projects' | 'project_milestones' | 'project_progress' | 'project_appeals' | 'appeals' | 'messages') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const create = (by = admin, extra: Record<string, unknown> = {}) => api.call(by, 'project.save', { ...draft, ...extra })
  const milestone = (projectId: string, title: string, plannedOn: string, by = admin) =>
    api.call(by, 'project.saveMilestone', { projectId, title, plannedOn })

  it('an admin creates a project in its first stage, and its leader and secretary are told', async () => {
    const project = await create()
    expect(project).toMatchObject({
      name: draft.name,
      enterpriseId: medPack.id,
      enterpriseName: medPack.name,
      investment: 10.6,
      stage: 'signed',
      stageLabel: '签约',
      leaderName: town.leaders.mayor.name,
      secretaryName: town.officer.name,
      behind: false,
      version: 0,
      milestones: [],
      progress: [],
      appeals: [],
      may: { edit: true, report: true },
    })
    expect(project.stages).toMatchObject([{ fromStage: null, toStage: 'signed', label: '立项：签约' }])
    const told = await store.db.selectFrom('messages').select(['user_id', 'title']).where('kind', '=', 'project.assign').execute()
    expect(told.map((m) => m.user_id).sort()).toEqual([leader, secretary].sort())
    expect(told.find((m) => m.user_id === secretary)?.title).toBe(`您是重点项目「${draft.name}」的项目秘书`)
  })

  it('a leader creates one without an enterprise, in a later stage, and is not told of their own project', async () => {
    const project = await create(leader, { enterpriseId: null, stage: 'land' })
    expect(project).toMatchObject({ enterpriseId: null, enterpriseName: null, stage: 'land' })
    const told = await store.db.selectFrom('messages').select('user_id').where('kind', '=', 'project.assign').execute()
    expect(told.map((m) => m.user_id)).toEqual([secretary])
  })

  it('a retried create makes one project and answers the first', async () => {
    const payload = { ...draft, clientRequestId: 'project-retry-0001' }
    const first = await api.call(admin, 'project.save', payload)
    const again = await api.call(admin, 'project.save', payload)
    expect(again.id).toBe(first.id)
    expect(await count('projects')).toBe(1)
  })

  it.each([
    [town.officer.id, 403],
    [town.heads.industry.id, 403],
    [medPack.owner.id, 403],
    [town.guest.id, 403],
  ])('%s may not create a project (%i)', async (who, status) => {
    expect((await api.fail(who, 'project.save', draft)).status).toBe(status)
    expect(await count('projects')).toBe(0)
  })

  it.each([
    [{ name: '' }, 'name', '项目名称'],
    [{ investment: 0 }, 'investment', '投资额'],
    [{ investment: -1 }, 'investment', '投资额'],
    [{ stage: 'demolished' }, 'stage', '项目阶段'],
    [{ leaderId: town.officer.id }, 'leaderId', '包抓领导'],
    [{ leaderId: 'nobody' }, 'leaderId', '包抓领导'],
    [{ secretaryId: medPack.owner.id }, 'secretaryId', '项目秘书'],
    [{ secretaryId: town.leaders.secretary.id }, 'secretaryId', '项目秘书'],
    [{ enterpriseId: 'no-such-firm' }, 'enterpriseId', '企业'],
    [{ version: 0 }, 'version', '版本号'],
  ])('bad input %j names %s and creates nothing', async (change, field, title) => {
    const reply = await api.fail(admin, 'project.save', { ...draft, ...change })
    expect(reply.status).toBe(400)
    if (reply.body.ok) throw new Error('accepted')
    expect(reply.body.error.field).toBe(field)
    expect(reply.body.error.message).toContain(title)
    expect(await count('projects')).toBe(0)
    expect(await count('messages')).toBe(0)
  })

  it('admins and its leader edit it from the version they saw; another leader, its secretary and officers may not', async () => {
    const project = await create()
    const edited = await api.call(leader, 'project.save', { ...draft, id: project.id, version: 0, investment: 12 })
    expect(edited).toMatchObject({ investment: 12, version: 1 })
    const stale = await api.fail(admin, 'project.save', { ...draft, id: project.id, version: 0, investment: 13 })
    expect(stale.status).toBe(409)
    for (const who of [town.leaders.secretary.id, secretary, town.officers.finance.id])
      expect((await api.fail(who, 'project.save', { ...draft, id: project.id, version: 1, investment: 99 })).status).toBe(403)
    const changeStage = await api.fail(admin, 'project.save', { ...draft, id: project.id, version: 1, stage: 'started' })
    expect(changeStage.status).toBe(400)
    // Naming a new secretary tells them, and only them.
    const messages = await count('messages')
    await api.call(admin, 'project.save', { ...draft, id: project.id, version: 1, secretaryId: town.officers.industry2.id })
    expect((await count('messages')) - messages).toBe(1)
    expect((await api.call(admin, 'project.get', { id: project.id })).investment).toBe(10.6)
  })

  it('staff read every project; owners and guests see nothing', async () => {
    const project = await create()
    for (const who of [town.officers.finance.id, town.heads.finance.id, town.leaders.secretary.id, secretary]) {
      expect((await api.call(who, 'project.list', {})).total).toBe(1)
      const seen = await api.call(who, 'project.get', { id: project.id })
      expect(seen.id).toBe(project.id)
    }
    expect((await api.call(town.officers.finance.id, 'project.get', { id: project.id })).may).toEqual({ edit: false, report: false })
    expect((await api.call(secretary, 'project.get', { id: project.id })).may).toEqual({ edit: false, report: true })
    for (const who of [medPack.owner.id, grainFoods.owner.id, town.guest.id]) {
      expect((await api.fail(who, 'project.list', {})).status).toBe(403)
      expect((await api.fail(who, 'project.get', { id: project.id })).status).toBe(403)
    }
    expect((await api.fail(admin, 'project.get', { id: 'prj-nothing' })).status).toBe(404)
  })

  it('moves forward, and back only with a reason', async () => {
    const project = await create()
    const started = await api.call(leader, 'project.advanceStage', { id: project.id, version: 0, stage: 'started' })
    expect(started).toMatchObject({ stage: 'started', version: 1 })
    const back = await api.fail(leader, 'project.advanceStage', { id: project.id, version: 1, stage: 'land' })
    expect(back.status).toBe(400)
    if (back.body.ok) throw new Error('accepted')
    expect(back.body.error).toMatchObject({ field: 'reason', message: '「退回原因」(reason)：从「开工」退回「拿地」需要写明原因' })
    const same = await api.fail(leader, 'project.advanceStage', { id: project.id, version: 1, stage: 'started' })
    expect(same.body.ok ? null : same.body.error.field).toBe('stage')
    const stale = await api.fail(admin, 'project.advanceStage', { id: project.id, version: 0, stage: 'completed' })
    expect(stale.status).toBe(409)
    expect((await api.fail(secretary, 'project.advanceStage', { id: project.id, version: 1, stage: 'completed' })).status).toBe(403)
    expect(
      (await api.fail(town.leaders.secretary.id, 'project.advanceStage', { id: project.id, version: 1, stage: 'completed' })).status,
    ).toBe(403)
    const moved = await api.call(admin, 'project.advanceStage', {
      id: project.id,
      version: 1,
      stage: 'land',
      reason: '施工许可被撤回，重新办理',
    })
    expect(moved.stage).toBe('land')
    expect(moved.stages.map((s) => [s.label, s.reason])).toEqual([
      ['立项：签约', ''],
      ['签约 → 开工', ''],
      ['开工 → 拿地', '施工许可被撤回，重新办理'],
    ])
  })

  it('behind schedule on the injected clock: a milestone past its planned day and not done', async () => {
    const a = await create()
    const b = await create(admin, { name: '食品冷链物流园', enterpriseId: grainFoods.id })
    await create(admin, { name: '光伏屋顶项目', enterpriseId: null })
    await milestone(a.id, '取得施工许可', '2026-03-01')
    await milestone(a.id, '主体封顶', '2026-06-30')
    // Due today is not behind yet.
    await milestone(b.id, '土地摘牌', '2026-03-02')

    const behind = await api.call(town.officers.finance.id, 'project.list', { behind: true })
    expect(behind).toMatchObject({ total: 1, today: '2026-03-02' })
    expect(behind.items[0]).toMatchObject({ id: a.id, behind: true, behindCount: 1, openCount: 2 })
    const all = await api.call(town.officers.finance.id, 'project.list', {})
    expect(all.total).toBe(3)
    expect(all.items.find((p) => p.id === b.id)).toMatchObject({ behind: false, behindCount: 0, openCount: 1 })

    // A day later, b's milestone is behind too.
    setup.clock.set('2026-03-03T00:30:00+08:00')
    expect((await api.call(admin, 'project.list', { behind: true })).items.map((p) => p.id).sort()).toEqual([a.id, b.id].sort())

    // Done (late): a is no longer behind.
    const detail = await api.call(admin, 'project.get', { id: a.id })
    expect(detail.milestones.map((m) => [m.title, m.behind])).toEqual([
      ['取得施工许可', true],
      ['主体封顶', false],
    ])
    const done = await api.call(secretary, 'project.completeMilestone', { id: detail.milestones[0].id, doneOn: '2026-03-03' })
    expect(done.milestones[0]).toMatchObject({ doneOn: '2026-03-03', behind: false })
    expect(done.behind).toBe(false)
    expect((await api.call(admin, 'project.list', { behind: true })).items.map((p) => p.id)).toEqual([b.id])
    expect((await api.call(admin, 'project.list', { stage: 'started' })).total).toBe(0)
  })

  it('milestones: added once per form, replanned while open, done once and not in the future', async () => {
    const project = await create()
    const payload = { projectId: project.id, title: '开工仪式', plannedOn: '2026-04-01', clientRequestId: 'milestone-once-01' }
    await api.call(admin, 'project.saveMilestone', payload)
    const twice = await api.call(admin, 'project.saveMilestone', payload)
    expect(twice.milestones).toHaveLength(1)
    const id = twice.milestones[0].id
    const replanned = await api.call(leader, 'project.saveMilestone', {
      projectId: project.id,
      id,
      title: '开工仪式',
      plannedOn: '2026-05-01',
    })
    expect(replanned.milestones[0].plannedOn).toBe('2026-05-01')
    expect(
      (await api.fail(secretary, 'project.saveMilestone', { projectId: project.id, title: '秘书加的', plannedOn: '2026-05-01' })).status,
    ).toBe(403)
    const future = await api.fail(secretary, 'project.completeMilestone', { id, doneOn: '2026-03-03' })
    expect(future.status).toBe(400)
    expect(future.body.ok ? null : future.body.error.field).toBe('doneOn')
    expect((await api.fail(town.officers.finance.id, 'project.completeMilestone', { id, doneOn: '2026-03-02' })).status).toBe(403)
    await api.call(secretary, 'project.completeMilestone', { id, doneOn: '2026-03-02' })
    expect((await api.fail(admin, 'project.completeMilestone', { id, doneOn: '2026-03-02' })).status).toBe(400)
    expect(
      (await api.fail(admin, 'project.saveMilestone', { projectId: project.id, id, title: '改名', plannedOn: '2026-05-01' })).status,
    ).toBe(409)
    const bad = await api.fail(admin, 'project.saveMilestone', { projectId: project.id, title: '坏日期', plannedOn: '2026-02-30' })
    expect(bad.status).toBe(400)
    expect(await count('project_milestones')).toBe(1)
  })

  it('progress: the secretary, the leader or an admin reports a month, once per month, with their own photos', async () => {
    const project = await create()
    await store.db
      .insertInto('uploads')
      .values({
        id: 'upl-site-photo',
        owner_id: secretary,
        storage: 'local',
        storage_key: 'x',
        name: '工地.jpg',
        mime_type: 'image/jpeg',
        size: 100,
        appeal_id: null,
        position: null,
        created_at: 0,
      })
      .execute()
    await api.call(secretary, 'project.reportProgress', { projectId: project.id, month: '2026-02', note: '完成场地平整' })
    const replaced = await api.call(secretary, 'project.reportProgress', {
      projectId: project.id,
      month: '2026-02',
      note: '完成场地平整和围挡',
      uploadIds: ['upl-site-photo'],
    })
    expect(replaced.progress).toMatchObject([
      { month: '2026-02', note: '完成场地平整和围挡', uploadIds: ['upl-site-photo'], recorderName: town.officer.name },
    ])
    await api.call(leader, 'project.reportProgress', { projectId: project.id, month: '2026-03', note: '桩基施工' })
    expect(await count('project_progress')).toBe(2)
    const notMine = await api.fail(admin, 'project.reportProgress', {
      projectId: project.id,
      month: '2026-03',
      note: '借用照片',
      uploadIds: ['upl-site-photo'],
    })
    expect(notMine.body.ok ? null : notMine.body.error.field).toBe('uploadIds')
    const future = await api.fail(admin, 'project.reportProgress', { projectId: project.id, month: '2026-04', note: '提前填报' })
    expect(future.body.ok ? null : future.body.error).toMatchObject({
      field: 'month',
      message: '「月份」(month)：不能填报以后月份的形象进度',
    })
    for (const who of [town.officers.finance.id, town.heads.industry.id, town.leaders.secretary.id])
      expect((await api.fail(who, 'project.reportProgress', { projectId: project.id, month: '2026-03', note: '越权' })).status).toBe(403)
    expect(
      (await api.fail(medPack.owner.id, 'project.reportProgress', { projectId: project.id, month: '2026-03', note: '越权' })).status,
    ).toBe(403)
    expect((await api.call(admin, 'project.get', { id: project.id })).progress.map((p) => p.note)).toEqual([
      '桩基施工',
      '完成场地平整和围挡',
    ])
  })

  it('a problem becomes an appeal of its enterprise, linked to the project, once per form', async () => {
    const project = await create()
    const problem = {
      projectId: project.id,
      clientRequestId: 'project-problem-01',
      category: '其他',
      title: '施工用电未接入',
      description: '项目工地临时用电迟迟没有接入，影响桩基施工。',
    }
    const { appealId, project: after } = await api.call(secretary, 'project.raiseProblem', problem)
    expect(after.appeals).toMatchObject([{ id: appealId, title: '施工用电未接入', state: 'submitted' }])
    const again = await api.call(secretary, 'project.raiseProblem', problem)
    expect(again.appealId).toBe(appealId)
    expect(await count('appeals')).toBe(1)
    expect(await count('project_appeals')).toBe(1)
    const appeal = await store.db.selectFrom('appeals').selectAll().where('id', '=', appealId).executeTakeFirstOrThrow()
    expect(appeal).toMatchObject({
      enterprise_id: medPack.id,
      created_by: secretary,
      source: 'project',
      handler_id: medPack.officer_id,
      contact_name: town.officer.name,
    })
    // Its leader learns of it, once.
    const told = await store.db.selectFrom('messages').select(['user_id', 'title']).where('kind', '=', 'project.problem').execute()
    expect(told).toEqual([{ user_id: leader, title: `重点项目「${draft.name}」反映了问题` }])
    // The enterprise's owners can follow it as theirs.
    const seen = await api.call(medPack.owner.id, 'appeal.get', { id: appealId })
    expect(seen).toMatchObject({ id: appealId, sourceLabel: '重点项目问题' })
    expect(
      (await api.fail(town.officers.finance.id, 'project.raiseProblem', { ...problem, clientRequestId: 'project-problem-02' })).status,
    ).toBe(403)
    expect(await count('appeals')).toBe(1)
  })

  it('a project with no enterprise cannot raise a problem yet', async () => {
    const project = await create(admin, { enterpriseId: null })
    const reply = await api.fail(leader, 'project.raiseProblem', {
      projectId: project.id,
      category: '其他',
      title: '用地指标不足',
      description: '项目用地指标尚未落实，需要协调。',
    })
    expect(reply.status).toBe(400)
    expect(reply.body.ok ? null : reply.body.error.field).toBe('projectId')
    expect(await count('appeals')).toBe(0)
  })
})
