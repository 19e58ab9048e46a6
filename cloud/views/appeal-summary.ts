import type { AppealSummary } from '../contract'
import { dueLabel, stateLabel } from '../domain/appeal/rules'
import type { AppealSummaryRow } from '../store/repositories/appeals'

/** A list row as the app shows it; `now` decides whether the running deadline has passed. */
export function toAppealSummary(row: AppealSummaryRow, now: number): AppealSummary {
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    urgency: row.urgency === 'urgent' ? 'urgent' : 'normal',
    state: row.state,
    stateLabel: stateLabel(row.state),
    enterpriseName: row.enterprise_name,
    handlerName: row.handler_name,
    submittedAt: row.submitted_at,
    dueAt: row.due_at,
    dueLabel: row.due_at === null ? null : dueLabel(row.state),
    overdue: row.due_at !== null && row.due_at < now,
    version: row.version,
  }
}
