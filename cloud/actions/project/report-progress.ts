import type { ActionOutput, ParsedInput } from '../../contract'
import { loadProject } from '../../access/project-access'
import { badRequest } from '../../domain/errors'
import { monthOf } from '../../domain/ledger/indicators'
import { progressMonthProblem } from '../../domain/project/project'
import { newId } from '../../store/ids'
import { countOwnUploads } from '../../store/repositories/ledger'
import { upsertProgress } from '../../store/repositories/projects'
import { loadProjectDetail } from '../../views/project-view'
import type { ActionContext } from '../context'

/**
 * project.reportProgress: its secretary, its leader or an admin writes the month's 形象进度, with
 * photos they uploaded; a second report for the month replaces the first.
 */
export async function reportProgress(
  ctx: ActionContext,
  input: ParsedInput<'project.reportProgress'>,
): Promise<ActionOutput<'project.reportProgress'>> {
  const { user, project, relation } = await loadProject(ctx, input.projectId, 'report')
  const now = ctx.clock.now()
  const problem = progressMonthProblem(input.month, monthOf(now))
  if (problem) throw badRequest(`「月份」(month)：${problem}`, 'month')
  if ((await countOwnUploads(ctx.db, user.id, input.uploadIds)) !== input.uploadIds.length)
    throw badRequest('「照片」(uploadIds)：照片不存在或不是您上传的', 'uploadIds')
  await upsertProgress(ctx.db, {
    id: newId('ppg'),
    project_id: project.id,
    month: input.month,
    note: input.note,
    uploads: JSON.stringify(input.uploadIds),
    recorded_by: user.id,
    recorded_at: now,
  })
  return loadProjectDetail(ctx.db, project.id, relation, now)
}
