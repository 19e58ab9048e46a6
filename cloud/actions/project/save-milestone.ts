import type { ActionOutput, ParsedInput } from '../../contract'
import { loadProject } from '../../access/project-access'
import { AppError, notFound } from '../../domain/errors'
import { newId } from '../../store/ids'
import { findMilestoneById, insertMilestone, updateOpenMilestone } from '../../store/repositories/projects'
import { loadProjectDetail } from '../../views/project-view'
import { once } from '../../workflows/once'
import type { ActionContext } from '../context'

/**
 * project.saveMilestone: admins and its leader add a milestone to a project (once per form), or
 * rename or replan one not done yet. A planned day already past is allowed: the milestone is then
 * behind at once, which is what the record should say.
 */
export async function saveMilestone(
  ctx: ActionContext,
  input: ParsedInput<'project.saveMilestone'>,
): Promise<ActionOutput<'project.saveMilestone'>> {
  const { user, project, relation } = await loadProject(ctx, input.projectId, 'edit')
  const now = ctx.clock.now()
  if (input.id) {
    const milestone = await findMilestoneById(ctx.db, input.id)
    if (!milestone || milestone.project_id !== project.id) throw notFound('这个项目没有这个节点')
    if (!(await updateOpenMilestone(ctx.db, milestone.id, { title: input.title, planned_on: input.plannedOn })))
      throw new AppError('CONFLICT', '这个节点已经完成，不能再修改')
  } else
    await once(ctx.db, { userId: user.id, clientRequestId: input.clientRequestId, action: 'project.saveMilestone', now }, async (trx) => {
      const id = newId('pms')
      await insertMilestone(trx, {
        id,
        project_id: project.id,
        title: input.title,
        planned_on: input.plannedOn,
        done_on: null,
        done_by: null,
        created_at: now,
      })
      return id
    })
  return loadProjectDetail(ctx.db, project.id, relation, now)
}
