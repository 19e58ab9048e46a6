import type { AppealSummary, Page, ParsedInput } from '../../contract'
import { assessmentPeriod } from '../../domain/assessment'
import { badRequest } from '../../domain/errors'
import { monthRange } from '../../domain/metrics'
import { listAppealsBehind } from '../../store/repositories/metrics'
import { toAppealSummary } from '../../views/appeal-summary'
import { ActionContext, requireUser } from '../context'

/**
 * bulletin.appeals: the appeals behind a figure of the month, or of an assessment's quarter or
 * year (for the town, a department or a category), counted by the same condition the figure is, so the list and the number always agree.
 */
export async function drillDown(ctx: ActionContext, input: ParsedInput<'bulletin.appeals'>): Promise<Page<AppealSummary>> {
  const now = ctx.clock.now()
  if (!input.month && !input.period) throw badRequest('「月份」(month)：请提供月份，或考核期（period）', 'month')
  const range = input.period ? assessmentPeriod(input.period) : monthRange(input.month!)
  const { rows, total } = await listAppealsBehind(
    ctx.db,
    input.measure,
    { from: range.from, to: range.to },
    now,
    { departmentId: input.departmentId, category: input.category },
    input.limit,
    input.offset,
  )
  return { items: rows.map((row) => toAppealSummary(row, now, requireUser(ctx).role)), total }
}
