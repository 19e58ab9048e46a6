import type { EnterpriseDossier, ParsedInput } from '../../contract'
import { forbidden, notFound } from '../../domain/errors'
import { newId } from '../../store/ids'
import { findMilestoneById, insertMilestone, updateMilestone } from '../../store/repositories/visits'
import { once } from '../../workflows/once'
import { ActionContext } from '../context'

import { canManagePlan, loadCoveredEnterprise } from '../../access/enterprise-access'
import { enterpriseDossier } from '../enterprise/enterprise-dossier'
/** plan.saveMilestone: adds or changes a milestone of the enterprise's plan (一企一策). */
export async function saveMilestone(ctx: ActionContext, input: ParsedInput<'plan.saveMilestone'>): Promise<EnterpriseDossier> {
  const { user, enterprise } = await loadCoveredEnterprise(ctx, input.enterpriseId)
  if (!canManagePlan(user, enterprise)) throw forbidden('只有领导、管理员和包抓部门负责人可以制定帮扶方案')
  const now = ctx.clock.now()
  if (input.id) {
    const existing = await findMilestoneById(ctx.db, input.id)
    if (!existing || existing.enterprise_id !== enterprise.id) throw notFound('没有这个节点')
    await updateMilestone(ctx.db, input.id, { title: input.title, due_on: input.dueOn, updated_at: now })
  } else {
    await once(ctx.db, { userId: user.id, clientRequestId: input.clientRequestId, action: 'plan.saveMilestone', now }, async (trx) => {
      const id = newId('ms')
      await insertMilestone(trx, {
        id,
        enterprise_id: enterprise.id,
        title: input.title,
        due_on: input.dueOn,
        done_at: null,
        note: '',
        created_by: user.id,
        created_at: now,
        updated_at: now,
      })
      return id
    })
  }
  return enterpriseDossier(ctx, { enterpriseId: enterprise.id })
}
