import type { ActionOutput, ParsedInput } from '../../contract'
import { listDepartments } from '../../store/repositories/departments'
import { listFindings, listInspections } from '../../store/repositories/inspections'
import { findingView, inspectionView } from '../../views/inspection-view'
import { type ActionContext, requireUser } from '../context'

/** A head sees their own department's; leaders and the 督查 office any, or the one they name. */
function departmentFor(user: { role: string; department_id: string | null }, asked: string | undefined): string | undefined {
  return user.role === 'dept_head' ? (user.department_id ?? '-') : asked
}

/** inspection.list: the inspections of a quarter and/or a department, each with its findings. */
export async function listInspectionsAction(
  ctx: ActionContext,
  input: ParsedInput<'inspection.list'>,
): Promise<ActionOutput<'inspection.list'>> {
  const user = requireUser(ctx)
  const rows = await listInspections(ctx.db, { period: input.period, departmentId: departmentFor(user, input.departmentId) })
  const findings = await listFindings(ctx.db, { inspectionIds: rows.map((r) => r.id) })
  const now = ctx.clock.now()
  return { inspections: rows.map((row) => inspectionView(row, findings, user, now)) }
}

/** inspection.findings: the findings to follow, oldest deadline first (by default those not yet closed). */
export async function listFindingsAction(
  ctx: ActionContext,
  input: ParsedInput<'inspection.findings'>,
): Promise<ActionOutput<'inspection.findings'>> {
  const user = requireUser(ctx)
  const [rows, departments] = await Promise.all([
    listFindings(ctx.db, { departmentId: departmentFor(user, input.departmentId), period: input.period, open: input.open }),
    listDepartments(ctx.db),
  ])
  const names = new Map(departments.map((d) => [d.id, d.name]))
  const now = ctx.clock.now()
  return { findings: rows.map((row) => findingView(row, names.get(row.department_id) ?? '', user, now)) }
}
