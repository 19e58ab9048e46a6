import type { Breakdown, ParsedInput } from '../../contract'
import { monthRange } from '../../domain/metrics'
import { findPress } from '../../store/repositories/department-sections'
import { countAppealMetrics, type MetricDimension } from '../../store/repositories/metrics'
import { findNames } from '../../store/repositories/names'
import { ActionContext, requireUser } from '../context'
import { bulletinRow, rankRows } from '../../views/bulletin-rows'
import { pressView } from '../../views/department-sections'

const DIMENSION: Record<ParsedInput<'bulletin.breakdown'>['by'], MetricDimension> = {
  department: 'department',
  officer: 'handler',
  category: 'category',
  enterprise: 'enterprise',
}

/**
 * bulletin.breakdown: the month's figures per department, officer (the appeal's handler), category
 * or enterprise, ranked on the three rates. Leaders and admins see the town; a department head sees
 * their own department's appeals only, and the month's 督办 of it to answer (the message links here).
 */
export async function monthlyBreakdown(ctx: ActionContext, input: ParsedInput<'bulletin.breakdown'>): Promise<Breakdown> {
  const user = requireUser(ctx)
  const departmentId = user.role === 'dept_head' ? (user.department_id ?? '') : input.departmentId
  const by = DIMENSION[input.by]
  const groups = await countAppealMetrics(
    ctx.db,
    monthRange(input.month),
    ctx.clock.now(),
    [by],
    undefined,
    departmentId ? { departmentId } : undefined,
  )
  const keyOf = (g: (typeof groups)[number]) =>
    by === 'department' ? g.departmentId : by === 'handler' ? g.handlerId : by === 'enterprise' ? g.enterpriseId : g.category
  const ids = groups.map(keyOf).filter((k): k is string => k !== null)
  const table = by === 'department' ? 'departments' : by === 'handler' ? 'users' : by === 'enterprise' ? 'enterprises' : null
  const names = new Map(table ? (await findNames(ctx.db, table, ids)).map((r) => [r.id, r.name]) : [])
  const rows = rankRows(groups.map((g) => ({ ...bulletinRow(keyOf(g), names.get(keyOf(g) ?? '') ?? keyOf(g) ?? '（未分派）', g.counts) })))
  const press = departmentId ? await findPress(ctx.db, departmentId, input.month) : undefined
  return {
    month: input.month,
    by: input.by,
    departmentId: departmentId ?? null,
    rows: rows.slice(0, input.limit),
    press: press ? pressView(press) : null,
  }
}
