import { daysBetween, meetingAgenda, type MeetingProject } from '../../cloud/domain/project/meeting'
import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

const project = (id: string, name: string, extra: Partial<MeetingProject> = {}): MeetingProject => ({
  id,
  name,
  milestones: [],
  openProblems: [],
  ...extra,
})
const open = (title: string, plannedOn: string) => ({ title, plannedOn, doneOn: null })

describe('the project meeting’s lists, read on one day (pure)', () => {
  const today = '2026-03-04'
  const lastDay = '2026-03-08'

  it('counts whole days across months and years, either way', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3)
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1)
    expect(daysBetween('2026-03-04', '2026-03-04')).toBe(0)
    expect(daysBetween('2026-03-05', '2026-03-04')).toBe(-1)
  })

  it('a milestone is behind from the day after its planned day; on the day it is due today; done, it is on no list', () => {
    const milestones = [
      open('桩基', '2026-03-03'),
      open('主体', '2026-03-04'),
      { title: '围墙', plannedOn: '2026-03-01', doneOn: '2026-03-02' },
    ]
    const agenda = meetingAgenda([project('p1', '厂房', { milestones })], today, lastDay)
    expect(agenda.behind).toEqual([{ projectId: 'p1', name: '厂房', lines: ['桩基：计划 1 天前完成，未完成'], weight: 1 }])
    expect(agenda.due).toEqual([{ projectId: 'p1', name: '厂房', lines: ['主体：今天到期'], weight: 4 }])
    expect(agenda.blocked).toEqual([])
  })

  it('临期 runs to the span’s last day, inclusive, soonest first', () => {
    const milestones = [open('竣工验收', '2026-03-09'), open('设备进场', '2026-03-08'), open('试生产', '2026-03-06')]
    const { due } = meetingAgenda([project('p1', '厂房', { milestones })], today, lastDay)
    expect(due[0].lines).toEqual(['试生产：2 天后到期', '设备进场：4 天后到期'])
  })

  it('受阻 lists each open problem with how long it has waited, the longest first', () => {
    const openProblems = [
      { title: '施工用电未接入', raisedOn: '2026-03-02' },
      { title: '环评批复未下达', raisedOn: '2026-02-20' },
    ]
    const { blocked } = meetingAgenda([project('p1', '厂房', { openProblems })], today, lastDay)
    expect(blocked[0]).toMatchObject({ weight: 12, lines: ['环评批复未下达：已反映 12 天，未办结', '施工用电未接入：已反映 2 天，未办结'] })
  })

  it('each list puts the most pressing project first, then by name; a project may stand on several lists', () => {
    const agenda = meetingAgenda(
      [
        project('p1', '乙项目', { milestones: [open('a', '2026-03-01')] }),
        project('p2', '甲项目', { milestones: [open('b', '2026-03-01'), open('c', '2026-03-05')] }),
        project('p3', '丙项目', { milestones: [open('d', '2026-02-01')], openProblems: [{ title: '用地', raisedOn: '2026-03-04' }] }),
      ],
      today,
      lastDay,
    )
    expect(agenda.behind.map((e) => e.projectId)).toEqual(['p3', 'p2', 'p1'])
    expect(agenda.blocked.map((e) => e.projectId)).toEqual(['p3'])
    expect(agenda.due.map((e) => e.projectId)).toEqual(['p2'])
  })
})

/**
 * The meeting as staff read it on Wednesday 4 March 2026 (Beijing): the week runs to Sunday the
 * 8th, the month to the 31st.
 */
describe('project.meeting', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const admin = town.admin.id

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-02-10T09:00:00+08:00' })
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  const create = async (name: string, milestones: [string, string][]) => {
    const made = await api.call(admin, 'project.save', {
      name,
      enterpriseId: town.enterprises.medPack.id,
      investment: 2,
      leaderId: town.leaders.mayor.id,
      secretaryId: town.officer.id,
    })
    for (const [title, plannedOn] of milestones) await api.call(admin, 'project.saveMilestone', { projectId: made.id, title, plannedOn })
    return made
  }

  it('lists what is behind, blocked and due this week or this month, and forgets a problem once it is resolved', async () => {
    const vials = await create('西林瓶扩产', [
      ['桩基完成', '2026-02-24'],
      ['主体封顶', '2026-03-06'],
    ])
    const drums = await create('塑料桶生产线', [['设备进场', '2026-03-20']])
    const { appealId } = await api.call(town.officer.id, 'project.raiseProblem', {
      projectId: drums.id,
      category: '水电气路',
      title: '施工用电未接入',
      description: '项目工地临时用电迟迟没有接入，影响设备安装。',
    })
    setup.clock.set('2026-03-04T09:00:00+08:00')

    const week = await api.call(town.officers.finance.id, 'project.meeting', { span: 'week' })
    expect(week).toMatchObject({ span: 'week', today: '2026-03-04', lastDay: '2026-03-08' })
    expect(week.label).toMatch(/^本周（/)
    expect(week.behind).toEqual([
      {
        projectId: vials.id,
        name: '西林瓶扩产',
        stageLabel: '签约',
        leaderName: town.leaders.mayor.name,
        secretaryName: town.officer.name,
        lines: ['桩基完成：计划 8 天前完成，未完成'],
      },
    ])
    expect(week.blocked).toMatchObject([{ projectId: drums.id, lines: ['施工用电未接入：已反映 22 天，未办结'] }])
    expect(week.due).toMatchObject([{ projectId: vials.id, lines: ['主体封顶：2 天后到期'] }])

    const month = await api.call(town.leader.id, 'project.meeting', { span: 'month' })
    expect(month).toMatchObject({ label: '2026年3月', lastDay: '2026-03-31' })
    expect(month.due.map((e) => e.name)).toEqual(['西林瓶扩产', '塑料桶生产线'])

    await store.db.updateTable('appeals').set({ state: 'resolved' }).where('id', '=', appealId).execute()
    expect((await api.call(town.leader.id, 'project.meeting', { span: 'week' })).blocked).toEqual([])
  })

  it('reads the week and the month by Beijing’s calendar: half past midnight on a Monday is already the new week', async () => {
    await create('西林瓶扩产', [
      ['桩基完成', '2026-03-08'],
      ['主体封顶', '2026-03-15'],
      ['设备进场', '2026-03-16'],
    ])
    setup.clock.set('2026-03-09T00:30:00+08:00')
    const week = await api.call(town.leader.id, 'project.meeting', { span: 'week' })
    expect(week).toMatchObject({ today: '2026-03-09', lastDay: '2026-03-15' })
    expect(week.behind[0].lines).toEqual(['桩基完成：计划 1 天前完成，未完成'])
    expect(week.due[0].lines).toEqual(['主体封顶：6 天后到期'])
    setup.clock.set('2026-03-31T23:59:00+08:00')
    expect(await api.call(town.leader.id, 'project.meeting', { span: 'month' })).toMatchObject({
      today: '2026-03-31',
      lastDay: '2026-03-31',
    })
  })

  it('is for staff: an owner is refused; a span it does not know is named in Chinese', async () => {
    expect((await api.fail(town.enterprises.medPack.owner.id, 'project.meeting', { span: 'week' })).status).toBe(403)
    expect(await api.fail(town.leader.id, 'project.meeting', { span: 'year' })).toMatchObject({
      status: 400,
      body: { error: { field: 'span', message: expect.stringContaining('请选择本周调度或本月调度') } },
    })
  })
})
