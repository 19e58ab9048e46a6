import type { ParsedInput, ProjectMeeting, ProjectMeetingEntry } from '../../contract'
import { meetingAgenda, type MeetingEntry, type MeetingProject } from '../../domain/project/meeting'
import { stageLabel } from '../../domain/project/project'
import { beijingDay } from '../../domain/visit/calendar'
import { periodOf } from '../../domain/visit/periods'
import { listMeetingProjects } from '../../store/repositories/projects'
import type { ActionContext } from '../context'

/**
 * project.meeting (项目调度会): what the weekly or monthly meeting works through today — projects
 * behind, blocked by an open problem, and milestones falling due before the week or month ends.
 */
export async function projectMeeting(ctx: ActionContext, input: ParsedInput<'project.meeting'>): Promise<ProjectMeeting> {
  const now = ctx.clock.now()
  const period = periodOf(input.span, now)
  const today = beijingDay(now)
  const lastDay = beijingDay(period.to - 1)
  const { projects, milestones, problems } = await listMeetingProjects(ctx.db, lastDay)
  const byProject = (projectId: string) => ({
    milestones: milestones
      .filter((m) => m.project_id === projectId)
      .map((m) => ({ title: m.title, plannedOn: m.planned_on, doneOn: m.done_on })),
    openProblems: problems
      .filter((p) => p.project_id === projectId)
      .map((p) => ({ title: p.title, raisedOn: beijingDay(Number(p.raised_at)) })),
  })
  const read: MeetingProject[] = projects.map((p) => ({ id: p.id, name: p.name, ...byProject(p.id) }))
  const agenda = meetingAgenda(read, today, lastDay)
  const rows = new Map(projects.map((p) => [p.id, p]))
  const view = (entry: MeetingEntry): ProjectMeetingEntry => {
    const row = rows.get(entry.projectId)!
    return {
      projectId: entry.projectId,
      name: entry.name,
      stageLabel: stageLabel(row.stage),
      leaderName: row.leader_name,
      secretaryName: row.secretary_name,
      lines: entry.lines,
    }
  }
  return {
    span: input.span,
    label: input.span === 'week' ? `本周（${period.label}）` : period.label,
    today,
    lastDay,
    behind: agenda.behind.map(view),
    blocked: agenda.blocked.map(view),
    due: agenda.due.map(view),
  }
}
