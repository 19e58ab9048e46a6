import dayjs from 'dayjs'

/** done, on track, due within 7 days, or overdue. */
export type MilestoneStatus = 'done' | 'open' | 'due_soon' | 'overdue'

/** A milestone is tracked like a deadline: due within a week is near, past its day is overdue. */
export function milestoneStatus(row: { due_on: string; done_at: number | null }, today: string): MilestoneStatus {
  if (row.done_at !== null) return 'done'
  if (row.due_on < today) return 'overdue'
  return dayjs(row.due_on).diff(dayjs(today), 'day') <= 7 ? 'due_soon' : 'open'
}
