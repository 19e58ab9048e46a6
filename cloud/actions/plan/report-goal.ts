import type { EnterpriseDossier, ParsedInput } from '../../contract'
import { notFound } from '../../domain/errors'
import { findGoalById, updateGoal } from '../../store/repositories/five-ones'
import { loadCoveredEnterprise } from '../../access/enterprise-access'
import { ActionContext } from '../context'
import { enterpriseDossier } from '../enterprise/enterprise-dossier'

/** plan.reportGoal: anyone covering the enterprise reports where a goal stands now (the latest figure counts). */
export async function reportGoal(ctx: ActionContext, input: ParsedInput<'plan.reportGoal'>): Promise<EnterpriseDossier> {
  const goal = await findGoalById(ctx.db, input.id)
  if (!goal) throw notFound('没有这个目标')
  const { enterprise } = await loadCoveredEnterprise(ctx, goal.enterprise_id)
  const now = ctx.clock.now()
  await updateGoal(ctx.db, goal.id, { actual: input.actual, reported_at: now, updated_at: now })
  return enterpriseDossier(ctx, { enterpriseId: enterprise.id })
}
