import {
  indicatorSection,
  judgedThrough,
  lagReasons,
  NO_INDICATORS,
  owedPeriods,
  owedPeriodsByRole,
  pressAnswerProblem,
  visitSection,
} from '../../cloud/domain/department-sections'
import { DEFAULT_VISIT_FREQUENCY } from '../../cloud/domain/visit/periods'

const at = (iso: string) => Date.parse(iso)
const LATER = at('2026-06-01T00:00:00+08:00')
const day = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10)

describe('the bulletin’s department sections (pure)', () => {
  it('owes the ISO weeks whose Monday falls in the month, each whole', () => {
    // 1 March 2026 is a Sunday: the Mondays are the 2nd, 9th, 16th, 23rd and 30th.
    const weeks = owedPeriods('2026-03', 'week', LATER)
    expect(weeks.map((w) => day(w.from))).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30'])
    expect(day(weeks[4].to)).toBe('2026-04-06')
    // June 2026 starts on a Monday.
    expect(owedPeriods('2026-06', 'week', at('2026-07-01T00:00:00+08:00')).map((w) => day(w.from))[0]).toBe('2026-06-01')
  })

  it('owes a month once, and a quarter only in its last month', () => {
    expect(owedPeriods('2026-03', 'month', LATER)).toEqual([{ from: at('2026-03-01T00:00:00+08:00'), to: at('2026-04-01T00:00:00+08:00') }])
    expect(owedPeriods('2026-03', 'quarter', LATER)).toEqual([
      { from: at('2026-01-01T00:00:00+08:00'), to: at('2026-04-01T00:00:00+08:00') },
    ])
    expect(owedPeriods('2026-02', 'quarter', LATER)).toEqual([])
  })

  it('owes only what has begun when read while the month is under way', () => {
    const now = at('2026-03-10T10:00:00+08:00')
    const byRole = owedPeriodsByRole('2026-03', DEFAULT_VISIT_FREQUENCY, now)
    expect(byRole.officer).toHaveLength(2)
    expect(byRole.dept_head).toHaveLength(1)
    // The quarter began on 1 January.
    expect(byRole.leader).toHaveLength(1)
    expect(owedPeriods('2026-04', 'month', now)).toEqual([])
  })

  it('judges a month’s deadlines through its last day once over, else through yesterday', () => {
    expect(judgedThrough('2026-03', at('2026-04-05T09:00:00+08:00'))).toBe('2026-03-31')
    expect(judgedThrough('2026-03', at('2026-03-10T09:00:00+08:00'))).toBe('2026-03-09')
    expect(judgedThrough('2026-03', at('2026-03-31T23:00:00+08:00'))).toBe('2026-03-30')
  })

  it('counts visits owed as pairs × periods, each role apart', () => {
    const periods = owedPeriodsByRole('2026-03', DEFAULT_VISIT_FREQUENCY, LATER)
    const section = visitSection({ pairs: { officer: 2, dept_head: 3, leader: 1 }, done: { officer: 7, dept_head: 2, leader: 0 } }, periods)
    expect(section.roles).toEqual([
      { role: 'officer', owed: 10, done: 7 },
      { role: 'dept_head', owed: 3, done: 2 },
      { role: 'leader', owed: 1, done: 0 },
    ])
    expect(section.owed).toBe(14)
    expect(section.done).toBe(9)
    expect(section.rate).toBeCloseTo(9 / 14)
    expect(
      visitSection({ pairs: { officer: 0, dept_head: 0, leader: 0 }, done: { officer: 0, dept_head: 0, leader: 0 } }, periods).rate,
    ).toBeNull()
  })

  it('compares 产值 like for like, over the firms that reported both months', () => {
    const section = indicatorSection({
      ...NO_INDICATORS,
      enterprises: 4,
      reported: 3,
      revenue: 600,
      revenueLastYear: 400,
      revenueComparable: 500,
      revenueComparableLastYear: 400,
    })
    expect(section.reportRate).toBe(0.75)
    expect(section.revenueChange).toBeCloseTo(0.25)
    expect(indicatorSection(NO_INDICATORS)).toMatchObject({ reportRate: null, revenueChange: null })
  })

  describe('the lagging rule', () => {
    const fine = { missedRates: [], visits: { rate: 0.9 }, milestones: { due: 5, met: 4, overdue: 1 }, projects: { behind: 0 } }
    it('names nothing at the targets exactly', () => expect(lagReasons(fine)).toEqual([]))
    it('names nothing when there is nothing to count', () =>
      expect(
        lagReasons({ missedRates: [], visits: { rate: null }, milestones: { due: 0, met: 0, overdue: 0 }, projects: { behind: 0 } }),
      ).toEqual([]))
    it('names each shortfall, appeal rates first', () =>
      expect(
        lagReasons({
          missedRates: ['响应率', '满意率'],
          visits: { rate: 0.89 },
          milestones: { due: 5, met: 3, overdue: 2 },
          projects: { behind: 2 },
        }),
      ).toEqual(['响应率未达标', '满意率未达标', '走访未达标', '计划节点未按期完成', '重点项目滞后 2 个']))
    it('names one project behind on its own', () => expect(lagReasons({ ...fine, projects: { behind: 1 } })).toEqual(['重点项目滞后 1 个']))
  })

  it('takes one answer to a 督办', () => {
    expect(pressAnswerProblem('pressed')).toBeNull()
    expect(pressAnswerProblem('answered')).toBe('该督办已反馈')
  })
})
