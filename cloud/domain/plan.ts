import dayjs from 'dayjs'

/** done, on track, due within 7 days, or overdue. */
export type MilestoneStatus = 'done' | 'open' | 'due_soon' | 'overdue'

/** A milestone is tracked like a deadline: due within a week is near, past its day is overdue. */
export function milestoneStatus(row: { due_on: string; done_at: number | null }, today: string): MilestoneStatus {
  if (row.done_at !== null) return 'done'
  if (row.due_on < today) return 'overdue'
  return dayjs(row.due_on).diff(dayjs(today), 'day') <= 7 ? 'due_soon' : 'open'
}

/** A goal (一个目标) is met once its latest figure reaches the target; until then it is tracked like a milestone. */
export type GoalStatus = 'met' | 'open' | 'due_soon' | 'overdue'

export function goalStatus(goal: { target: number; actual: number | null; due_on: string }, today: string): GoalStatus {
  if (goal.actual !== null && goal.actual >= goal.target) return 'met'
  const asMilestone = milestoneStatus({ due_on: goal.due_on, done_at: null }, today)
  return asMilestone === 'done' ? 'open' : asMilestone
}

/** How far a goal has come, 0–1 (capped), or null before any figure is reported. */
export function goalProgress(goal: { target: number; actual: number | null }): number | null {
  if (goal.actual === null) return null
  if (goal.target <= 0) return 1
  return Math.max(0, Math.min(1, goal.actual / goal.target))
}
