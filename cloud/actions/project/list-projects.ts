import type { ActionOutput, ParsedInput } from '../../contract'
import { beijingDay } from '../../domain/visit/calendar'
import { listProjects as listProjectRows } from '../../store/repositories/projects'
import { projectSummary } from '../../views/project-view'
import type { ActionContext } from '../context'

/** project.list: every key project, for staff; `behind` keeps those behind schedule today (Beijing time). */
export async function listProjects(ctx: ActionContext, input: ParsedInput<'project.list'>): Promise<ActionOutput<'project.list'>> {
  const today = beijingDay(ctx.clock.now())
  const { rows, total } = await listProjectRows(ctx.db, {
    today,
    behindOn: input.behind ? today : undefined,
    stage: input.stage,
    limit: input.limit,
    offset: input.offset,
  })
  return { items: rows.map(projectSummary), total, today }
}
