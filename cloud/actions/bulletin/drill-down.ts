import type { AppealSummary, Page, ParsedInput } from '../../contract'
import { monthRange } from '../../domain/metrics'
import { selectAppealSummaries } from '../../store/repositories/appeals'
import { MEASURES } from '../../store/repositories/metrics'
import { toAppealSummary } from '../../views/appeal-summary'
import { ActionContext } from '../context'

/**
 * bulletin.appeals: the appeals behind a figure of the month (for the town, a department or a
 * category), counted by the same condition the figure is, so the list and the number always agree.
 */
export async function drillDown(ctx: ActionContext, input: ParsedInput<'bulletin.appeals'>): Promise<Page<AppealSummary>> {
  const now = ctx.clock.now()
  const range = monthRange(input.month)
  let query = ctx.db
    .selectFrom('appeals')
    .where('appeals.submitted_at', '>=', range.from)
    .where('appeals.submitted_at', '<', range.to)
    .where(MEASURES[input.measure](now))
  if (input.departmentId) query = query.where('appeals.department_id', '=', input.departmentId)
  if (input.category) query = query.where('appeals.category', '=', input.category)
  const ids = query.select('appeals.id')
  const [rows, count] = await Promise.all([
    selectAppealSummaries(ctx.db).where('appeals.id', 'in', ids.orderBy('appeals.submitted_at', 'desc').orderBy('appeals.id').limit(input.limit).offset(input.offset)).orderBy('appeals.submitted_at', 'desc').orderBy('appeals.id').execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map((row) => toAppealSummary(row, now)), total: Number(count.n) }
}
