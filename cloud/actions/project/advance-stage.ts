import type { ActionOutput, ParsedInput } from '../../contract'
import { loadProject } from '../../access/project-access'
import { AppError, badRequest } from '../../domain/errors'
import { stageMoveProblem } from '../../domain/project/project'
import { inTransaction } from '../../store/database'
import { newId } from '../../store/ids'
import { insertStageChange, updateProject } from '../../store/repositories/projects'
import { loadProjectDetail } from '../../views/project-view'
import type { ActionContext } from '../context'

/** project.advanceStage: admins and its leader move a project on (or back, with a reason), from the version they saw. */
export async function advanceStage(
  ctx: ActionContext,
  input: ParsedInput<'project.advanceStage'>,
): Promise<ActionOutput<'project.advanceStage'>> {
  const { user, project, relation } = await loadProject(ctx, input.id, 'edit')
  const problem = stageMoveProblem(project.stage, input.stage, input.reason)
  if (problem) {
    // The same stage is a problem of the stage; a move back, of the missing reason.
    const [title, field] = input.stage === project.stage ? ['项目阶段', 'stage'] : ['退回原因', 'reason']
    throw badRequest(`「${title}」(${field})：${problem}`, field)
  }
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (trx) => {
    if (!(await updateProject(trx, project.id, input.version, { stage: input.stage, updated_at: now })))
      throw new AppError('CONFLICT', '项目已被他人修改，请刷新后再试')
    await insertStageChange(trx, {
      id: newId('pst'),
      project_id: project.id,
      from_stage: project.stage,
      to_stage: input.stage,
      version: input.version + 1,
      reason: input.reason,
      changed_by: user.id,
      changed_at: now,
    })
  })
  return loadProjectDetail(ctx.db, project.id, relation, now)
}
