import { sql } from 'kysely'
import { readSheet } from 'read-excel-file/node'
import type { Store } from '../../cloud/store/connect'
import { beijingDay, halfOf } from '../../cloud/domain/visit/calendar'
import { newVisitRow } from '../../cloud/store/repositories/visits'
import { apiAs } from '../support/api'
import { makeMilestone } from '../support/factories'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * 一月一通报's department sections for March 2026, read on 5 April (the month is over), on rows
 * laid down by hand so each figure has a known answer. 金融服务办 (finance) covers grainFoods alone:
 * its officer 许清秋, its head 柏雨桐, its leader the mayor. 产业服务办 (industry) covers six firms.
 */
describe('the monthly bulletin’s department sections', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const { grainFoods, medPack, vialWorks, glassware } = town.enterprises
  const { finance, industry, safety } = town.departments
  const leader = town.leader.id
  const admin = town.admin.id
  const financeOfficer = town.officers.finance.id
  const financeHead = town.heads.finance.id
  const ms = (iso: string) => Date.parse(`${iso}+08:00`)
  let n = 0

  const visit = (hostId: string, hostRole: string, enterpriseId: string, when: string, proven = 1) => {
    const at = ms(when)
    return newVisitRow({
      id: `t-bs-visit-${++n}`,
      enterprise_id: enterpriseId,
      host_id: hostId,
      host_role: hostRole,
      kind: 'visit',
      origin: 'proactive',
      topic: '走访',
      day: beijingDay(at),
      half: halfOf(at),
      state: 'done',
      checked_in_at: proven ? at : null,
      proven,
      visited_at: at,
      version: 1,
      created_at: at,
      record: '{}',
    })
  }
  const project = (id: string, enterpriseId: string | null, secretaryId: string) => ({
    id,
    name: `项目${id}`,
    enterprise_id: enterpriseId,
    investment: 1,
    stage: 'signed' as const,
    leader_id: town.leaders.mayor.id,
    secretary_id: secretaryId,
    note: '',
    created_by: admin,
    created_at: ms('2026-01-05T09:00:00'),
    updated_at: ms('2026-01-05T09:00:00'),
    version: 0,
  })
  const projectMilestone = (projectId: string, plannedOn: string, doneOn: string | null) => ({
    id: `t-bs-pm-${++n}`,
    project_id: projectId,
    title: `节点${n}`,
    planned_on: plannedOn,
    done_on: doneOn,
    done_by: doneOn ? admin : null,
    created_at: 0,
  })
  const help = (
    enterpriseId: string,
    kind: string,
    amount: number | null,
    givenOn: string,
    state: 'confirmed' | 'pending' | 'disputed',
  ) => ({
    id: `t-bs-help-${++n}`,
    event_id: `t-bs-event-${n}`,
    enterprise_id: enterpriseId,
    kind,
    amount,
    given_on: givenOn,
    note: '',
    evidence: '[]',
    appeal_id: null,
    state,
    recorded_by: financeOfficer,
    recorded_at: 0,
    answered_by: null,
    answered_at: null,
    dispute_reason: null,
  })
  const report = (enterpriseId: string, month: string, revenue: number) => ({
    id: `t-bs-ind-${++n}`,
    enterprise_id: enterpriseId,
    month,
    revenue,
    employees: 10,
    tax: 1,
    orders: 'enough' as const,
    power: null,
    situation: '',
    reported_by: financeOfficer,
    reported_at: 0,
    updated_at: 0,
  })

  beforeAll(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-04-05T09:00:00+08:00' })
    api = apiAs(setup.services)
    const db = store.db
    await db
      .insertInto('visits')
      .values([
        // The finance officer: weeks of 2 March (twice: once), 9 March, 30 March (on the 31st); one unproven on the 17th.
        visit(financeOfficer, 'officer', grainFoods.id, '2026-03-03T10:00:00'),
        visit(financeOfficer, 'officer', grainFoods.id, '2026-03-04T10:00:00'),
        visit(financeOfficer, 'officer', grainFoods.id, '2026-03-10T10:00:00'),
        visit(financeOfficer, 'officer', grainFoods.id, '2026-03-17T10:00:00', 0),
        visit(financeOfficer, 'officer', grainFoods.id, '2026-03-31T10:00:00'),
        // The head, in March; the mayor, in February (the quarter counts).
        visit(financeHead, 'dept_head', grainFoods.id, '2026-03-20T10:00:00'),
        visit(town.leaders.mayor.id, 'leader', grainFoods.id, '2026-02-10T10:00:00'),
        // Someone who does not cover grainFoods: counts for nobody.
        visit(town.officer.id, 'officer', grainFoods.id, '2026-03-11T10:00:00'),
        // Safety (glassware) does every visit it owes: its officer each week, its head, its leader.
        ...['03-02', '03-09', '03-16', '03-23', '03-30'].map((d) =>
          visit(town.officers.safety.id, 'officer', glassware.id, `2026-${d}T10:00:00`),
        ),
        visit(town.heads.safety.id, 'dept_head', glassware.id, '2026-03-05T10:00:00'),
        visit(glassware.leader_id, 'leader', glassware.id, '2026-03-06T10:00:00'),
      ])
      .execute()
    await db
      .insertInto('plan_milestones')
      .values([
        makeMilestone(grainFoods.id, admin, { due_on: '2026-03-10', done_at: ms('2026-03-09T10:00:00') }),
        makeMilestone(grainFoods.id, admin, { due_on: '2026-03-20' }),
        makeMilestone(grainFoods.id, admin, { due_on: '2026-04-02' }),
        makeMilestone(medPack.id, admin, { due_on: '2026-03-15', done_at: ms('2026-03-16T10:00:00') }),
      ])
      .execute()
    // A: grainFoods (finance), behind; B: no enterprise, its secretary in finance; C: medPack (industry) though its secretary is in finance.
    await db
      .insertInto('projects')
      .values([project('A', grainFoods.id, financeOfficer), project('B', null, financeOfficer), project('C', medPack.id, financeOfficer)])
      .execute()
    await db
      .insertInto('project_milestones')
      .values([
        projectMilestone('A', '2026-03-05', '2026-03-04'),
        projectMilestone('A', '2026-03-15', null),
        projectMilestone('B', '2026-05-01', null),
        projectMilestone('C', '2026-03-25', '2026-03-24'),
      ])
      .execute()
    await db
      .insertInto('project_stage_changes')
      .values([
        {
          id: 't-bs-sc-1',
          project_id: 'A',
          from_stage: null,
          to_stage: 'signed',
          version: 0,
          reason: '',
          changed_by: admin,
          changed_at: ms('2026-03-01T09:00:00'),
        },
        {
          id: 't-bs-sc-2',
          project_id: 'A',
          from_stage: 'signed',
          to_stage: 'land',
          version: 1,
          reason: '',
          changed_by: admin,
          changed_at: ms('2026-03-12T09:00:00'),
        },
        {
          id: 't-bs-sc-3',
          project_id: 'B',
          from_stage: 'signed',
          to_stage: 'land',
          version: 1,
          reason: '',
          changed_by: admin,
          changed_at: ms('2026-04-01T09:00:00'),
        },
      ])
      .execute()
    await db
      .insertInto('project_progress')
      .values([
        {
          id: 't-bs-pp-1',
          project_id: 'A',
          month: '2026-03',
          note: '主体施工',
          uploads: '[]',
          recorded_by: financeOfficer,
          recorded_at: 0,
        },
        { id: 't-bs-pp-2', project_id: 'B', month: '2026-02', note: '前期', uploads: '[]', recorded_by: financeOfficer, recorded_at: 0 },
      ])
      .execute()
    await db
      .insertInto('help_entries')
      .values([
        help(grainFoods.id, 'new_loan', 2_000_000, '2026-03-05', 'confirmed'),
        help(grainFoods.id, 'subsidy', 50_000, '2026-03-06', 'disputed'),
        help(grainFoods.id, 'subsidy', 30_000, '2026-03-07', 'pending'),
        help(grainFoods.id, 'new_loan', 1_000_000, '2026-04-01', 'confirmed'),
        help(medPack.id, 'recruitment', 12, '2026-03-20', 'confirmed'),
        help(vialWorks.id, 'recruitment', 8, '2026-03-21', 'confirmed'),
      ])
      .execute()
    await db
      .insertInto('indicator_reports')
      .values([
        report(grainFoods.id, '2026-03', 1200),
        report(grainFoods.id, '2025-03', 1000),
        report(medPack.id, '2026-03', 500),
        report(medPack.id, '2025-03', 400),
        report(vialWorks.id, '2026-03', 100),
        report(medPack.id, '2026-02', 999),
      ])
      .execute()
    await db
      .insertInto('warning_tasks')
      .values({
        id: 't-bs-warn-1',
        enterprise_id: grainFoods.id,
        month: '2026-03',
        reason: 'revenue_drop',
        detail: '',
        officer_id: financeOfficer,
        state: 'open',
        opened_at: ms('2026-04-02T09:00:00'),
        closed_at: null,
        closed_by: null,
        close_note: null,
      })
      .execute()
  })
  afterAll(() => store.close())

  const sectionOf = async (departmentId: string) => {
    const bulletin = await api.call(leader, 'bulletin.month', { month: '2026-03' })
    return bulletin.sections.find((s) => s.departmentId === departmentId)!
  }
  const count = async (table: 'messages' | 'outbox' | 'bulletin_presses') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('has a section for every department, in the order of the appeal table', async () => {
    const bulletin = await api.call(leader, 'bulletin.month', { month: '2026-03' })
    expect(bulletin.sections.map((s) => s.departmentId)).toEqual(bulletin.departments.map((d) => d.departmentId))
  })

  it('counts visits done against those the roles owe: weekly, monthly, quarterly', async () => {
    const { visits } = await sectionOf(finance.id)
    // Officer: 5 weeks owed, visited in 3; head: 1 of 1; leader: the quarter, 1 of 1.
    expect(visits.roles.map(({ role, owed, done }) => ({ role, owed, done }))).toEqual([
      { role: 'officer', owed: 5, done: 3 },
      { role: 'dept_head', owed: 1, done: 1 },
      { role: 'leader', owed: 1, done: 1 },
    ])
    expect(visits).toMatchObject({ owed: 7, done: 5 })
    expect(visits.rate).toBeCloseTo(5 / 7)
    expect((await sectionOf(safety.id)).visits).toMatchObject({ owed: 7, done: 7, rate: 1 })
    // Industry: six firms, none visited.
    expect((await sectionOf(industry.id)).visits).toMatchObject({ owed: 6 * 5 + 6 + 6, done: 0 })
  })

  it('counts plan milestones due in the month, done, and overdue', async () => {
    expect((await sectionOf(finance.id)).milestones).toEqual({ due: 2, met: 1, overdue: 1 })
    expect((await sectionOf(industry.id)).milestones).toEqual({ due: 1, met: 1, overdue: 0 })
  })

  it('counts the key projects a department answers for: its firms’, or its secretary’s when a project has no firm', async () => {
    const { projects } = await sectionOf(finance.id)
    expect(projects).toEqual({
      projects: 2,
      behind: 1,
      dueMilestones: 2,
      metMilestones: 1,
      stageMoves: 1,
      progressReported: 1,
      behindProjects: [{ id: 'A', name: '项目A' }],
    })
    expect((await sectionOf(industry.id)).projects).toMatchObject({ projects: 1, behind: 0, dueMilestones: 1, metMilestones: 1 })
  })

  it('counts help only once confirmed, given in the month', async () => {
    expect((await sectionOf(finance.id)).help).toEqual([
      { kind: 'new_loan', label: '新增贷款', enterprises: 1, amount: 2_000_000, text: expect.stringContaining('200 万元') },
    ])
    expect((await sectionOf(industry.id)).help).toMatchObject([{ kind: 'recruitment', enterprises: 2, amount: 20 }])
  })

  it('sums its firms’ indicators: reported of expected, 产值 and its change like for like, warnings', async () => {
    const finance_ = (await sectionOf(finance.id)).indicators
    expect(finance_).toMatchObject({ enterprises: 1, reported: 1, revenue: 1200, revenueLastYear: 1000, warnings: 1, reportRate: 1 })
    expect(finance_.revenueChange).toBeCloseTo(0.2)
    const industry_ = (await sectionOf(industry.id)).indicators
    expect(industry_).toMatchObject({ enterprises: 6, reported: 2, revenue: 600, revenueLastYear: 400, warnings: 0 })
    // vialWorks has no last year's March: the change is medPack's, 500 against 400.
    expect(industry_.revenueChange).toBeCloseTo(0.25)
  })

  it('names the lagging and why; a department that did all it owed is not named', async () => {
    expect((await sectionOf(finance.id)).lagging).toEqual(['走访未达标', '计划节点未按期完成', '重点项目滞后 1 个'])
    expect((await sectionOf(safety.id)).lagging).toEqual([])
    expect((await api.call(leader, 'bulletin.month', { month: '2026-03' })).summary).toContain('滞后部门：')
  })

  it('exports every section', async () => {
    const file = await api.call(leader, 'bulletin.export', { month: '2026-03' })
    const rows = await readSheet(Buffer.from(file.base64, 'base64'))
    const at = rows.findIndex((r) => r[0] === '各部门分项')
    expect(at).toBeGreaterThan(0)
    expect(rows[at + 1].slice(0, 3)).toEqual(['部门', '走访（完成/应走访）', '走访完成率'])
    const financeRow = rows.slice(at + 2).find((r) => r[0] === finance.name)!
    expect(financeRow.slice(1, 9)).toEqual(['5/7', '71.4%', '2/1/1', '2/1', '2/1', 1, 1, '项目A'])
    expect(financeRow.slice(10, 16)).toEqual(['1/1', 1200, 1000, '+20.0%', 1, '走访未达标、计划节点未按期完成、重点项目滞后 1 个'])
  })

  describe('督办 of a lagging department', () => {
    it('refuses a department that is not lagging, changing nothing', async () => {
      const before = await count('messages')
      const reply = await api.fail(leader, 'bulletin.press', { month: '2026-03', departmentId: safety.id })
      expect(reply.status).toBe(400)
      expect(await count('messages')).toBe(before)
      expect(await count('bulletin_presses')).toBe(0)
    })

    it('tells the head with a message and a push, once, however often pressed', async () => {
      const [messages, outbox] = [await count('messages'), await count('outbox')]
      const press = await api.call(leader, 'bulletin.press', { month: '2026-03', departmentId: finance.id, note: '月底前整改' })
      expect(press).toMatchObject({
        departmentId: finance.id,
        month: '2026-03',
        state: 'pressed',
        reasons: '走访未达标、计划节点未按期完成、重点项目滞后 1 个',
      })
      const told = await store.db.selectFrom('messages').select(['user_id', 'kind', 'id']).where('kind', '=', 'bulletin.press').execute()
      expect(told.map((m) => m.user_id)).toEqual([financeHead])
      expect(await store.db.selectFrom('outbox').select('user_id').where('message_id', '=', told[0].id).execute()).toEqual([
        { user_id: financeHead },
      ])
      expect(await count('messages')).toBe(messages + 1)
      expect(await count('outbox')).toBe(outbox + 1)

      const again = await api.call(admin, 'bulletin.press', { month: '2026-03', departmentId: finance.id })
      expect(again).toEqual(press)
      expect(await count('messages')).toBe(messages + 1)
      expect(await count('bulletin_presses')).toBe(1)
      expect((await sectionOf(finance.id)).press).toMatchObject({ state: 'pressed', note: '月底前整改' })
    })

    it('takes one answer from the department’s own head, and tells the leader who pressed', async () => {
      // The head reads the 督办 where its message leads (本部门统计); another head sees none of it.
      const seen = await api.call(financeHead, 'bulletin.breakdown', { month: '2026-03', by: 'officer' })
      expect(seen).toMatchObject({ departmentId: finance.id, press: { departmentId: finance.id, state: 'pressed', note: '月底前整改' } })
      expect(await api.call(town.heads.industry.id, 'bulletin.breakdown', { month: '2026-03', by: 'officer' })).toMatchObject({
        press: null,
      })
      expect(await api.call(leader, 'bulletin.breakdown', { month: '2026-03', by: 'department' })).toMatchObject({ press: null })
      expect((await api.fail(town.heads.industry.id, 'bulletin.answerPress', { month: '2026-03', answer: '已整改' })).status).toBe(404)
      expect((await api.fail(financeHead, 'bulletin.answerPress', { month: '2026-03', answer: '' })).status).toBe(400)
      const answered = await api.call(financeHead, 'bulletin.answerPress', { month: '2026-03', answer: '已补走访，项目节点已调度' })
      expect(answered).toMatchObject({ state: 'answered', answer: '已补走访，项目节点已调度' })
      expect(await store.db.selectFrom('messages').select('user_id').where('kind', '=', 'bulletin.answerPress').execute()).toEqual([
        { user_id: leader },
      ])
      expect((await api.fail(financeHead, 'bulletin.answerPress', { month: '2026-03', answer: '再说一次' })).status).toBe(409)
      expect((await sectionOf(finance.id)).press).toMatchObject({ state: 'answered' })
      expect(await api.call(financeHead, 'bulletin.breakdown', { month: '2026-03', by: 'officer' })).toMatchObject({
        press: { state: 'answered', answer: '已补走访，项目节点已调度' },
      })
    })

    it('is for leaders and admins to press, and heads to answer', async () => {
      expect((await api.fail(financeHead, 'bulletin.press', { month: '2026-03', departmentId: finance.id })).status).toBe(403)
      expect((await api.fail(leader, 'bulletin.answerPress', { month: '2026-03', answer: '好' })).status).toBe(403)
    })
  })

  describe('督办 and its push, together', () => {
    it('leaves neither the 督办 nor the message when the push cannot be queued', async () => {
      const own = await makeStore()
      try {
        const ownApi = apiAs(makeServices(own, { now: '2026-04-05T09:00:00+08:00' }).services)
        // Every outbox insert fails, after the 督办 and the message were written in the same transaction.
        if (own.dialect === 'postgres') {
          await sql`create function refuse_outbox() returns trigger as $$ begin raise exception 'outbox refused'; end $$ language plpgsql`.execute(
            own.db,
          )
          await sql`create trigger refuse_outbox before insert on outbox for each row execute function refuse_outbox()`.execute(own.db)
        } else {
          await sql`create trigger refuse_outbox before insert on outbox begin select raise(abort, 'outbox refused'); end`.execute(own.db)
        }
        const reply = await ownApi.fail(leader, 'bulletin.press', { month: '2026-03', departmentId: finance.id })
        expect(reply.status).toBe(500)
        const left = async (table: 'bulletin_presses' | 'messages') =>
          Number(
            (
              await own.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          )
        expect(await left('bulletin_presses')).toBe(0)
        expect(await left('messages')).toBe(0)
      } finally {
        await own.close()
      }
    })
  })
})
