import type { FindingView, ParsedInput } from '../../contract'
import { AppError, forbidden, notFound } from '../../domain/errors'
import { decideFinding, findingRelation, type FindingMove } from '../../domain/inspection'
import { notifyFindingMove } from '../../notify/inspection-notifications'
import { inTransaction } from '../../store/database'
import { findDepartmentById } from '../../store/repositories/departments'
import { findFindingById, listDepartmentHeads, moveFinding } from '../../store/repositories/inspections'
import { findingView } from '../../views/inspection-view'
import { type ActionContext, requireUser } from '../context'

/**
 * One move on a finding, by the rules of domain/inspection, from the version the caller saw; the
 * other side is told in the same transaction (the inspector of an answer, the heads of a return).
 */
async function move(ctx: ActionContext, id: string, version: number, action: FindingMove, note: string): Promise<FindingView> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const finding = await findFindingById(ctx.db, id)
  // A head of another department learns nothing of it.
  if (!finding || (user.role === 'dept_head' && user.department_id !== finding.department_id)) throw notFound('没有这条督查问题')
  const relation = findingRelation(
    { id: user.id, role: user.role, departmentId: user.department_id },
    { departmentId: finding.department_id, inspectorId: finding.inspector_id },
  )
  const verdict = decideFinding(finding.state, relation, action)
  if (!verdict.ok) throw verdict.forbidden ? forbidden(verdict.problem) : new AppError('CONFLICT', verdict.problem)
  if (finding.version !== version) throw new AppError('CONFLICT', '这条督查问题刚刚有了变化，请刷新后再试')
  await inTransaction(ctx.db, async (trx) => {
    const change =
      action === 'answer'
        ? { state: verdict.to, answer: note, answered_by: user.id, answered_at: now }
        : action === 'return'
          ? { state: verdict.to, return_note: note }
          : { state: verdict.to, closed_by: user.id, closed_at: now }
    if (!(await moveFinding(trx, finding.id, version, change))) throw new AppError('CONFLICT', '这条督查问题刚刚有了变化，请刷新后再试')
    if (action === 'close') return
    const told = action === 'answer' ? [finding.inspector_id] : (await listDepartmentHeads(trx, finding.department_id)).map((h) => h.id)
    await notifyFindingMove(
      trx,
      { id: finding.id, inspectionId: finding.inspection_id, text: finding.text, dueAt: Number(finding.due_at), version: version + 1 },
      action,
      told.filter((userId) => userId !== user.id),
      note,
      now,
    )
  })
  const department = await findDepartmentById(ctx.db, finding.department_id)
  return findingView((await findFindingById(ctx.db, finding.id))!, department?.name ?? '', user, now)
}

/** inspection.answer: the department's head says what was done to put the finding right. */
export const answerFinding = (ctx: ActionContext, input: ParsedInput<'inspection.answer'>) =>
  move(ctx, input.id, input.version, 'answer', input.answer)

/** inspection.close: the inspector (or the 督查 office) accepts the answer: 销号. */
export const closeFinding = (ctx: ActionContext, input: ParsedInput<'inspection.close'>) => move(ctx, input.id, input.version, 'close', '')

/** inspection.return: the inspector sends it back with the reason; its deadline keeps running. */
export const returnFinding = (ctx: ActionContext, input: ParsedInput<'inspection.return'>) =>
  move(ctx, input.id, input.version, 'return', input.note)
