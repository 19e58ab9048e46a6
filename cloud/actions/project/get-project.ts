import type { ActionOutput, ParsedInput } from '../../contract'
import { loadProject } from '../../access/project-access'
import { loadProjectDetail } from '../../views/project-view'
import type { ActionContext } from '../context'

/** project.get: a project with its milestones, progress, stage moves and the appeals filed for it. */
export async function getProject(ctx: ActionContext, input: ParsedInput<'project.get'>): Promise<ActionOutput<'project.get'>> {
  const { project, relation } = await loadProject(ctx, input.id, 'read')
  return loadProjectDetail(ctx.db, project.id, relation, ctx.clock.now())
}
