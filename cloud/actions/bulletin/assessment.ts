import type { Assessment, ParsedInput } from '../../contract'
import { assessmentPeriod, assessmentScore, DEFAULT_WEIGHTS, gradeOf } from '../../domain/assessment'
import { ratesOf } from '../../domain/metrics'
import { listDepartments } from '../../store/repositories/departments'
import { countAppealMetrics } from '../../store/repositories/metrics'
import { ActionContext } from '../context'
import { NO_COUNTS } from '../../views/bulletin-rows'

/**
 * bulletin.assessment: a quarter's inspection (一季一督查) or a year's assessment (年终一考核) of the
 * departments, each scored on the period's rates with the configured weights, ranked and graded.
 */
export async function departmentAssessment(ctx: ActionContext, input: ParsedInput<'bulletin.assessment'>): Promise<Assessment> {
  const weights = ctx.assessmentWeights ?? DEFAULT_WEIGHTS
  const period = assessmentPeriod(input.period)
  const [groups, departments] = await Promise.all([countAppealMetrics(ctx.db, period, ctx.clock.now()), listDepartments(ctx.db)])
  const byDepartment = new Map(groups.map((g) => [g.departmentId, g.counts]))
  const rows = departments.map((d) => {
    const counts = byDepartment.get(d.id) ?? NO_COUNTS
    const rates = ratesOf(counts)
    const score = assessmentScore(rates, weights)
    return {
      departmentId: d.id,
      name: d.name,
      received: counts.received,
      responseRate: rates.responseRate,
      onTimeRate: rates.onTimeRate,
      satisfactionRate: rates.satisfactionRate,
      score,
      grade: gradeOf(score),
      rank: null as number | null,
    }
  })
  rows
    .filter((r) => r.score !== null)
    .sort((a, b) => b.score! - a.score! || b.received - a.received)
    .forEach((row, i) => (row.rank = i + 1))
  return {
    period: input.period,
    label: period.label,
    weights: { ...weights },
    departments: rows.sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99)),
  }
}
