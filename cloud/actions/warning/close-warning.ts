import type { ParsedInput, WarningView } from '../../contract'
import { coversEnterprise } from '../../access/visit-access'
import { AppError, notFound } from '../../domain/errors'
import { findEnterpriseById } from '../../store/repositories/enterprises'
import { closeWarningTask, findWarningTaskById } from '../../store/repositories/ledger'
import { warningView } from '../../views/ledger-view'
import { type ActionContext, requireUser } from '../context'

/** warning.close: whoever covers the enterprise closes its task, saying what the visit found. */
export async function closeWarning(ctx: ActionContext, input: ParsedInput<'warning.close'>): Promise<WarningView> {
  const user = requireUser(ctx)
  const task = await findWarningTaskById(ctx.db, input.id)
  const enterprise = task && (await findEnterpriseById(ctx.db, task.enterprise_id))
  if (!task || !enterprise || !coversEnterprise(user, enterprise)) throw notFound('没有这个预警任务，或它不在您的包联范围内')
  if (!(await closeWarningTask(ctx.db, task.id, { by: user.id, at: ctx.clock.now(), note: input.note })))
    throw new AppError('CONFLICT', '这个预警任务已经关闭')
  return warningView({ ...(await findWarningTaskById(ctx.db, task.id))!, enterprise_name: enterprise.name })
}
