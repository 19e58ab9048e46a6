import type { ActionOutput, ParsedInput } from '../../contract'
import { loadProject } from '../../access/project-access'
import { AppError, badRequest, notFound } from '../../domain/errors'
import { completionProblem } from '../../domain/project/project'
import { beijingDay } from '../../domain/visit/calendar'
import { completeMilestone as markDone, findMilestoneById } from '../../store/repositories/projects'
import { loadProjectDetail } from '../../views/project-view'
import { type ActionContext, requireUser } from '../context'

/** project.completeMilestone: its secretary, its leader or an admin marks a milestone done, on a day not yet to come. */
export async function completeMilestone(
  ctx: ActionContext,
  input: ParsedInput<'project.completeMilestone'>,
): Promise<ActionOutput<'project.completeMilestone'>> {
  requireUser(ctx)
  const milestone = await findMilestoneById(ctx.db, input.id)
  if (!milestone) throw notFound('没有这个节点')
  const { user, project, relation } = await loadProject(ctx, milestone.project_id, 'report')
  const now = ctx.clock.now()
  const problem = completionProblem({ plannedOn: milestone.planned_on, doneOn: milestone.done_on }, input.doneOn, beijingDay(now))
  if (problem) throw badRequest(`「实际完成日期」(doneOn)：${problem}`, 'doneOn')
  if (!(await markDone(ctx.db, milestone.id, { on: input.doneOn, by: user.id }))) throw new AppError('CONFLICT', '这个节点已经完成')
  return loadProjectDetail(ctx.db, project.id, relation, now)
}
