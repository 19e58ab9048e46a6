import { milestoneBehind, type MilestoneDates } from './project'

/**
 * 项目调度会: the list a weekly or monthly project meeting works through, read on one day.
 * - 滞后: projects with a milestone past its planned day and not done, each such milestone and by how many days;
 * - 受阻: projects with a problem filed as an appeal and still open, each problem and how long it has waited;
 * - 临期: milestones planned from today to the end of the week or month and not done yet.
 * A project may stand in several; each list is the most pressing first. Pure: the caller reads the store.
 */

export const MEETING_SPANS = ['week', 'month'] as const
export type MeetingSpan = (typeof MEETING_SPANS)[number]
export const MEETING_SPAN_LABELS: Record<MeetingSpan, string> = { week: '本周调度', month: '本月调度' }

export interface MeetingProject {
  id: string
  name: string
  milestones: readonly (MilestoneDates & { title: string })[]
  /** Problems filed for it (appeals) still open, with the day each was raised. */
  openProblems: readonly { title: string; raisedOn: string }[]
}

/** One project on one list, with what puts it there, worded for the meeting. */
export interface MeetingEntry {
  projectId: string
  name: string
  lines: string[]
  /** What orders the list, heaviest first: the most days late or waiting; for 临期, the fewest days left. */
  weight: number
}

export interface MeetingAgenda {
  behind: MeetingEntry[]
  blocked: MeetingEntry[]
  due: MeetingEntry[]
}

/** Whole days from one YYYY-MM-DD to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/**
 * The agenda of the meeting held on `today` for the span ending on `lastDay` (inclusive): the three
 * lists, each most pressing first, then by name, so that two readings of the same data agree.
 */
export function meetingAgenda(projects: readonly MeetingProject[], today: string, lastDay: string): MeetingAgenda {
  const agenda: MeetingAgenda = { behind: [], blocked: [], due: [] }
  for (const project of projects) {
    const late = project.milestones
      .filter((m) => milestoneBehind(m, today))
      .map((m) => ({ title: m.title, days: daysBetween(m.plannedOn, today) }))
      .sort((a, b) => b.days - a.days)
    if (late.length)
      agenda.behind.push(
        entry(
          project,
          late[0].days,
          late.map((m) => `${m.title}：计划 ${m.days} 天前完成，未完成`),
        ),
      )

    const waiting = project.openProblems
      .map((p) => ({ title: p.title, days: Math.max(0, daysBetween(p.raisedOn, today)) }))
      .sort((a, b) => b.days - a.days)
    if (waiting.length)
      agenda.blocked.push(
        entry(
          project,
          waiting[0].days,
          waiting.map((p) => `${p.title}：已反映 ${p.days} 天，未办结`),
        ),
      )

    const coming = project.milestones
      .filter((m) => m.doneOn === null && m.plannedOn >= today && m.plannedOn <= lastDay)
      .map((m) => ({ title: m.title, days: daysBetween(today, m.plannedOn) }))
      .sort((a, b) => a.days - b.days)
    // The sooner its first milestone falls due, the more room before the span ends: the heavier.
    if (coming.length)
      agenda.due.push(
        entry(
          project,
          daysBetween(today, lastDay) - coming[0].days,
          coming.map((m) => `${m.title}：${m.days === 0 ? '今天到期' : `${m.days} 天后到期`}`),
        ),
      )
  }
  for (const list of [agenda.behind, agenda.blocked, agenda.due])
    list.sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name, 'zh-CN') || a.projectId.localeCompare(b.projectId))
  return agenda
}

const entry = (project: MeetingProject, weight: number, lines: string[]): MeetingEntry => ({
  projectId: project.id,
  name: project.name,
  lines,
  weight,
})
