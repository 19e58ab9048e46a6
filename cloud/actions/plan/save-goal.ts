import type { EnterpriseDossier, ParsedInput } from '../../contract'
import { forbidden, notFound } from '../../domain/errors'
import { newId } from '../../store/ids'
import { findGoalById, insertGoal, updateGoal } from '../../store/repositories/five-ones'
import { canManagePlan, loadCoveredEnterprise } from '../../access/enterprise-access'
import { once } from '../../workflows/once'
import { ActionContext } from '../context'
import { enterpriseDossier } from '../enterprise/enterprise-dossier'

/** plan.saveGoal: adds or changes a goal (一个目标) of the enterprise's plan; the figure reported so far stays. */
export async function saveGoal(ctx: ActionContext, input: ParsedInput<'plan.saveGoal'>): Promise<EnterpriseDossier> {
  const { user, enterprise } = await loadCoveredEnterprise(ctx, input.enterpriseId)
  if (!canManagePlan(user, enterprise)) throw forbidden('只有领导、管理员和包抓部门负责人可以制定帮扶目标')
  const now = ctx.clock.now()
  const fields = { label: input.label, target: input.target, unit: input.unit, due_on: input.dueOn }
  if (input.id) {
    const existing = await findGoalById(ctx.db, input.id)
    if (!existing || existing.enterprise_id !== enterprise.id) throw notFound('没有这个目标')
    await updateGoal(ctx.db, input.id, { ...fields, updated_at: now })
  } else {
    await once(ctx.db, { userId: user.id, clientRequestId: input.clientRequestId, action: 'plan.saveGoal', now }, async (trx) => {
      const id = newId('goal')
      await insertGoal(trx, {
        id,
        enterprise_id: enterprise.id,
        ...fields,
        actual: null,
        reported_at: null,
        created_by: user.id,
        created_at: now,
        updated_at: now,
      })
      return id
    })
  }
  return enterpriseDossier(ctx, { enterpriseId: enterprise.id })
}
