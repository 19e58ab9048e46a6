import type { AppealSummary, Page, ParsedInput } from '../../contract'
import { monthRange } from '../../domain/metrics'
import { listAppealsBehind } from '../../store/repositories/metrics'
import { toAppealSummary } from '../../views/appeal-summary'
import { ActionContext, requireUser } from '../context'

/**
 * bulletin.appeals: the appeals behind a figure of the month (for the town, a department or a
 * category), counted by the same condition the figure is, so the list and the number always agree.
 */
export async function drillDown(ctx: ActionContext, input: ParsedInput<'bulletin.appeals'>): Promise<Page<AppealSummary>> {
  const now = ctx.clock.now()
  const { rows, total } = await listAppealsBehind(
    ctx.db,
    input.measure,
    monthRange(input.month),
    now,
    { departmentId: input.departmentId, category: input.category },
    input.limit,
    input.offset,
  )
  return { items: rows.map((row) => toAppealSummary(row, now, requireUser(ctx).role)), total }
}
