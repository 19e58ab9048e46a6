import {
  COMPONENTS,
  DEFAULT_WEIGHTS,
  gradeOf,
  parseStoredWeights,
  rankByScore,
  scoreTallies,
  weightsSumProblem,
  type Tallies,
} from '../../cloud/domain/assessment'
import { helpTally, inspectionTally, milestoneTally, projectTally, visitTally } from '../../cloud/domain/assessment-tallies'

const at = (s: string) => Date.parse(`${s}+08:00`)
const t = (done: number, due: number) => ({ done, due })
const Q1 = { from: at('2026-01-01T00:00:00'), to: at('2026-04-01T00:00:00') }

/**
 * Scores worked by hand with the default weights (响应 0.15, 按期 0.2, 满意 0.15, 走访 0.15, 节点 0.1,
 * 项目 0.1, 帮扶 0.05, 督查 0.1). A component with nothing due is left out and the others' weights
 * scaled up to sum to 1.
 */
describe('assessment scoring', () => {
  const A: Tallies = {
    responseRate: t(9, 10),
    onTimeRate: t(8, 10),
    satisfactionRate: t(10, 10),
    visitRate: t(6, 8),
    milestoneRate: t(3, 4),
    projectRate: t(1, 2),
    helpRate: t(3, 4),
    inspectionRate: t(1, 2),
  }
  // No ratings, milestones, projects, help or findings: only 响应, 按期 and 走访 count (0.5 of weight).
  const B: Tallies = {
    ...A,
    responseRate: t(1, 1),
    onTimeRate: t(1, 2),
    satisfactionRate: t(0, 0),
    visitRate: t(4, 4),
    milestoneRate: t(0, 0),
    projectRate: t(0, 0),
    helpRate: t(0, 0),
    inspectionRate: t(0, 0),
  }
  const C = Object.fromEntries(COMPONENTS.map((c) => [c, t(0, 0)])) as Tallies

  it('weighs every component when all have data', () => {
    // 0.135 + 0.16 + 0.15 + 0.1125 + 0.075 + 0.05 + 0.0375 + 0.05 = 0.77
    const { score, components } = scoreTallies(A, DEFAULT_WEIGHTS)
    expect(score).toBe(77)
    expect(gradeOf(score)).toBe('合格')
    expect(components.find((c) => c.component === 'projectRate')).toMatchObject({ done: 1, due: 2, rate: 0.5, weight: 0.1, points: 5 })
    expect(components.find((c) => c.component === 'visitRate')).toMatchObject({ done: 6, due: 8, rate: 0.75, weight: 0.15 })
  })

  it('leaves out a component with nothing due and scales the others up', () => {
    // (0.15×1 + 0.2×0.5 + 0.15×1) ÷ 0.5 = 0.8: 响应 30 + 按期 20 + 走访 30.
    const { score, components } = scoreTallies(B, DEFAULT_WEIGHTS)
    expect(score).toBe(80)
    expect(components.map((c) => [c.component, c.rate, Math.round(c.effectiveWeight * 100) / 100, c.points])).toEqual([
      ['responseRate', 1, 0.3, 30],
      ['onTimeRate', 0.5, 0.4, 20],
      ['satisfactionRate', null, 0, 0],
      ['visitRate', 1, 0.3, 30],
      ['milestoneRate', null, 0, 0],
      ['projectRate', null, 0, 0],
      ['helpRate', null, 0, 0],
      ['inspectionRate', null, 0, 0],
    ])
    // A component weighted 0 is left out even with data.
    expect(scoreTallies(B, { ...DEFAULT_WEIGHTS, onTimeRate: 0 }).score).toBe(100)
  })

  it('has no score, grade or rank with nothing to count; ranks the rest best first', () => {
    expect(scoreTallies(C, DEFAULT_WEIGHTS).score).toBeNull()
    expect(gradeOf(null)).toBeNull()
    const rows = [
      { id: 'A', score: 77, counted: 50 },
      { id: 'C', score: null, counted: 0 },
      { id: 'B', score: 80, counted: 7 },
      { id: 'D', score: 77, counted: 60 },
    ]
    expect(rankByScore(rows).map((r) => [r.id, r.rank])).toEqual([
      ['B', 1],
      ['D', 2],
      ['A', 3],
      ['C', null],
    ])
  })

  it('the weights must sum to 1; a stored setting that does not is not used', () => {
    expect(weightsSumProblem(DEFAULT_WEIGHTS)).toBeNull()
    expect(weightsSumProblem({ ...DEFAULT_WEIGHTS, helpRate: 0.15 })).toBe('各项权重之和应为 1（现为 1.1）')
    expect(parseStoredWeights(JSON.stringify(DEFAULT_WEIGHTS))).toEqual(DEFAULT_WEIGHTS)
    expect(parseStoredWeights(JSON.stringify({ ...DEFAULT_WEIGHTS, helpRate: 0.15 }))).toBeNull()
    expect(parseStoredWeights(JSON.stringify({ responseRate: 1 }))).toBeNull()
    expect(parseStoredWeights('not json')).toBeNull()
    expect(parseStoredWeights(undefined)).toBeNull()
  })
})

describe('assessment tallies', () => {
  const e = [
    { id: 'e1', name: '甲' },
    { id: 'e2', name: '乙' },
  ]
  const visits = [
    { enterpriseId: 'e1', visitedAt: at('2026-01-10T10:00:00') },
    { enterpriseId: 'e1', visitedAt: at('2026-02-03T10:00:00') },
    { enterpriseId: 'e2', visitedAt: at('2026-01-20T10:00:00') },
    { enterpriseId: 'e2', visitedAt: at('2026-01-25T10:00:00') },
    { enterpriseId: 'e2', visitedAt: at('2025-12-31T10:00:00') },
  ]

  it('visits: a month over is owed by each enterprise; the month running only once visited', () => {
    // Mid-February: January is over (both visited, twice for 乙 counts once); February counts for 甲 only.
    const mid = visitTally(e, visits, 'month', Q1.from, at('2026-02-15T12:00:00'))
    expect([mid.done, mid.due]).toEqual([3, 3])
    expect(mid.items).toEqual([
      { label: '甲 · 2026-01', done: true },
      { label: '甲 · 2026-02', done: true },
      { label: '乙 · 2026-01', done: true },
    ])
    // On 1 March February is over: 乙 missed it.
    const march = visitTally(e, visits, 'month', Q1.from, at('2026-03-01T00:00:00'))
    expect([march.done, march.due]).toEqual([3, 4])
    // Quarterly: nothing over yet in February; 甲 and 乙 both visited in the quarter running.
    expect(visitTally(e, visits, 'quarter', Q1.from, at('2026-02-15T12:00:00'))).toMatchObject({ done: 2, due: 2 })
  })

  it('plan milestones: due in the period before today; done by their day', () => {
    const rows = [
      { label: '甲：投产', dueOn: '2026-01-10', doneAt: at('2026-01-09T16:00:00') },
      { label: '甲：验收', dueOn: '2026-01-20', doneAt: at('2026-01-21T09:00:00') },
      { label: '乙：融资', dueOn: '2026-02-14', doneAt: null },
      { label: '乙：用工', dueOn: '2026-02-15', doneAt: null },
      { label: '乙：上年', dueOn: '2025-12-30', doneAt: null },
    ]
    const tally = milestoneTally(rows, Q1.from, at('2026-02-15T12:00:00'))
    expect([tally.done, tally.due]).toEqual([1, 3])
    expect(tally.items.map((i) => i.label)).toEqual([
      '甲：投产（2026-01-10 到期）',
      '甲：验收（2026-01-20 到期）',
      '乙：融资（2026-02-14 到期）',
    ])
  })

  it('projects: on schedule on the day read, a milestone done only later still behind then', () => {
    const created = at('2026-01-05T09:00:00')
    const rows = [
      { name: 'P1', createdAt: created, milestones: [{ plannedOn: '2026-02-01', doneOn: '2026-02-01' }] },
      { name: 'P2', createdAt: created, milestones: [{ plannedOn: '2026-02-10', doneOn: null }] },
      { name: 'P3', createdAt: created, milestones: [{ plannedOn: '2026-02-10', doneOn: '2026-02-20' }] },
      { name: 'P4', createdAt: at('2026-03-01T09:00:00'), milestones: [] },
    ]
    expect(projectTally(rows, at('2026-02-15T12:00:00'))).toMatchObject({ done: 1, due: 3 })
    // Read on 1 March, P3 caught up; P4 is counted, on schedule.
    expect(projectTally(rows, at('2026-03-01T12:00:00'))).toMatchObject({ done: 3, due: 4 })
  })

  it('help: given in the period; done once confirmed', () => {
    const rows = [
      { label: '甲', givenOn: '2026-01-05', state: 'confirmed' },
      { label: '乙', givenOn: '2026-03-31', state: 'pending' },
      { label: '甲', givenOn: '2026-02-01', state: 'disputed' },
      { label: '乙', givenOn: '2026-04-01', state: 'confirmed' },
    ]
    expect(helpTally(rows, Q1.from, Q1.to)).toMatchObject({ done: 1, due: 3 })
  })

  it('inspection findings: due in the period and decided; on time when closed on an answer by the deadline', () => {
    const rows = [
      { label: '一', state: 'closed' as const, dueAt: at('2026-02-10T23:59:59'), answeredAt: at('2026-02-09T10:00:00') },
      { label: '二', state: 'open' as const, dueAt: at('2026-03-10T23:59:59'), answeredAt: null },
      { label: '三', state: 'returned' as const, dueAt: at('2026-03-01T23:59:59'), answeredAt: at('2026-02-27T10:00:00') },
      { label: '四', state: 'open' as const, dueAt: at('2026-04-02T23:59:59'), answeredAt: null },
    ]
    expect(inspectionTally(rows, Q1.from, Q1.to, at('2026-03-05T09:00:00')).items).toEqual([
      { label: '一', done: true },
      { label: '三', done: false },
    ])
    // After 10 March the second is late too.
    expect(inspectionTally(rows, Q1.from, Q1.to, at('2026-03-11T09:00:00'))).toMatchObject({ done: 1, due: 3 })
  })
})

describe('visit tally far outside the calendar it is meant for', () => {
  it('ends for a year of local mean time, where a quarter can end inside itself', () => {
    const from = Date.UTC(1900, 0, 1) - 8 * 3_600_000
    const result = visitTally([{ id: 'e1', name: '企业' }], [], 'quarter', from, from + 366 * 86_400_000)
    expect(result.due).toBeLessThanOrEqual(5)
  })
})
