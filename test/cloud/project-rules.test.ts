import {
  completionProblem,
  milestoneBehind,
  PROJECT_STAGE_IDS,
  PROJECT_STAGES,
  progressMonthProblem,
  projectBehind,
  projectRelation,
  mayEditProject,
  mayReadProject,
  mayReportOnProject,
  stageLabel,
  stageMoveProblem,
  teamProblem,
  type ProjectStage,
} from '../../cloud/domain/project/project'
import { ROLES, type Role } from '../../cloud/domain/roles'

describe('key project rules', () => {
  it('has the five stages in order', () => {
    expect(PROJECT_STAGE_IDS.map((s) => PROJECT_STAGES[s])).toEqual(['签约', '拿地', '开工', '竣工', '投产'])
    expect(stageLabel('started')).toBe('开工')
    expect(stageLabel('unknown')).toBe('unknown')
  })

  // Every pair of stages: forward always, back only with a reason, never to the same stage.
  const pairs = PROJECT_STAGE_IDS.flatMap((from, i) =>
    PROJECT_STAGE_IDS.map((to, j) => [from, to, j - i] as [ProjectStage, ProjectStage, number]),
  )
  it.each(pairs)('from %s to %s (%i steps)', (from, to, steps) => {
    if (steps === 0) {
      expect(stageMoveProblem(from, to, '')).toBe(`项目已处于「${PROJECT_STAGES[to]}」阶段`)
      expect(stageMoveProblem(from, to, '理由')).not.toBeNull()
    } else if (steps > 0) {
      expect(stageMoveProblem(from, to, '')).toBeNull()
      expect(stageMoveProblem(from, to, undefined)).toBeNull()
    } else {
      expect(stageMoveProblem(from, to, '')).toBe(`从「${PROJECT_STAGES[from]}」退回「${PROJECT_STAGES[to]}」需要写明原因`)
      expect(stageMoveProblem(from, to, '   ')).not.toBeNull()
      expect(stageMoveProblem(from, to, null)).not.toBeNull()
      expect(stageMoveProblem(from, to, '施工许可被撤回')).toBeNull()
    }
  })

  it.each([
    // planned, done, today, behind
    ['2026-03-01', null, '2026-03-02', true],
    ['2026-03-02', null, '2026-03-02', false],
    ['2026-03-03', null, '2026-03-02', false],
    ['2026-03-01', '2026-03-05', '2026-03-10', false],
    ['2026-03-01', '2026-02-20', '2026-03-10', false],
    ['2025-12-31', null, '2026-01-01', true],
  ])('a milestone planned %s, done %s, on %s: behind %s', (plannedOn, doneOn, today, behind) => {
    expect(milestoneBehind({ plannedOn, doneOn }, today)).toBe(behind)
  })

  it('a project is behind when any milestone is', () => {
    const today = '2026-03-02'
    expect(projectBehind([], today)).toBe(false)
    expect(projectBehind([{ plannedOn: '2026-04-01', doneOn: null }], today)).toBe(false)
    expect(
      projectBehind(
        [
          { plannedOn: '2026-04-01', doneOn: null },
          { plannedOn: '2026-02-01', doneOn: null },
        ],
        today,
      ),
    ).toBe(true)
    expect(projectBehind([{ plannedOn: '2026-02-01', doneOn: '2026-02-15' }], today)).toBe(false)
  })

  it('a milestone is done once, on a day not to come', () => {
    expect(completionProblem({ plannedOn: '2026-03-01', doneOn: null }, '2026-03-02', '2026-03-02')).toBeNull()
    expect(completionProblem({ plannedOn: '2026-03-01', doneOn: null }, '2026-02-01', '2026-03-02')).toBeNull()
    expect(completionProblem({ plannedOn: '2026-03-01', doneOn: null }, '2026-03-03', '2026-03-02')).toBe('完成日期不能晚于今天')
    expect(completionProblem({ plannedOn: '2026-03-01', doneOn: '2026-03-01' }, '2026-03-02', '2026-03-02')).toBe('这个节点已经完成')
  })

  it('progress is reported for this month or an earlier one', () => {
    expect(progressMonthProblem('2026-03', '2026-03')).toBeNull()
    expect(progressMonthProblem('2025-12', '2026-03')).toBeNull()
    expect(progressMonthProblem('2026-04', '2026-03')).toBe('不能填报以后月份的形象进度')
  })

  const person = (role: Role, active = true) => ({ role, active })
  it.each(ROLES.map((role) => [role]))('a %s as leader or secretary', (role) => {
    const asLeader = teamProblem(person(role), person('officer'))
    expect(asLeader === null).toBe(role === 'leader')
    if (asLeader) expect(asLeader.field).toBe('leaderId')
    const asSecretary = teamProblem(person('leader'), person(role))
    expect(asSecretary === null).toBe(role === 'officer' || role === 'dept_head')
    if (asSecretary) expect(asSecretary.field).toBe('secretaryId')
  })

  it('people who left, or who are not there, are not named', () => {
    expect(teamProblem(undefined, person('officer'))?.field).toBe('leaderId')
    expect(teamProblem(person('leader', false), person('officer'))?.field).toBe('leaderId')
    expect(teamProblem(person('leader'), undefined)?.field).toBe('secretaryId')
    expect(teamProblem(person('leader'), person('officer', false))?.field).toBe('secretaryId')
  })

  const project = { leaderId: 'u-leader', secretaryId: 'u-secretary' }
  it.each([
    // who, role, relation, read, report, edit
    ['u-admin', 'admin', 'manager', true, true, true],
    ['u-leader', 'leader', 'manager', true, true, true],
    ['u-other-leader', 'leader', 'reader', true, false, false],
    ['u-secretary', 'officer', 'secretary', true, true, false],
    ['u-secretary', 'dept_head', 'secretary', true, true, false],
    ['u-officer', 'officer', 'reader', true, false, false],
    ['u-head', 'dept_head', 'reader', true, false, false],
    ['u-owner', 'owner', 'none', false, false, false],
    ['u-guest', 'guest', 'none', false, false, false],
  ] as const)('%s (%s) is %s', (id, role, relation, read, report, edit) => {
    const r = projectRelation({ id, role }, project)
    expect(r).toBe(relation)
    expect([mayReadProject(r), mayReportOnProject(r), mayEditProject(r)]).toEqual([read, report, edit])
  })
})
