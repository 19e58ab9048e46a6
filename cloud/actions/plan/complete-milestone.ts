import type { EnterpriseDossier, ParsedInput } from '../../contract'
import { AppError, notFound } from '../../domain/errors'
import { findMilestoneById, markMilestoneDone } from '../../store/repositories/visits'
import { ActionContext } from '../context'

import { loadCoveredEnterprise } from '../../access/enterprise-access'
import { enterpriseDossier } from '../enterprise/enterprise-dossier'
/** plan.completeMilestone: the officer, head, leader or admin marks a milestone done, with how. */
export async function completeMilestone(ctx: ActionContext, input: ParsedInput<'plan.completeMilestone'>): Promise<EnterpriseDossier> {
  const milestone = await findMilestoneById(ctx.db, input.id)
  if (!milestone) throw notFound('没有这个节点')
  const { enterprise } = await loadCoveredEnterprise(ctx, milestone.enterprise_id)
  if (milestone.done_at !== null) throw new AppError('CONFLICT', '这个节点已经完成')
  const now = ctx.clock.now()
  await markMilestoneDone(ctx.db, milestone.id, input.note, now)
  return enterpriseDossier(ctx, { enterpriseId: enterprise.id })
}
