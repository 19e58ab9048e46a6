import type { AppealSummary } from '../contract'
import { dueLabel, isOverdue, stateLabel } from '../domain/appeal/rules'
import { seesIdentity } from '../domain/appeal/visibility'
import type { Role } from '../domain/roles'
import type { AppealSummaryRow } from '../store/repositories/appeals'

/** What the handling department reads instead of the name of an enterprise that asked to stay anonymous. */
export const ANONYMOUS_ENTERPRISE = '（企业要求隐去名称）'

/**
 * A list row as the app shows it; `now` decides whether the deadline has passed (a paused clock
 * stays late if it was late when it stopped), and the viewer's role whether an anonymous
 * enterprise's name is shown (only to itself, leaders and the 督查 office).
 */
export function toAppealSummary(row: AppealSummaryRow, now: number, viewer: Role): AppealSummary {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    category: row.category,
    urgency: row.urgency === 'urgent' ? 'urgent' : 'normal',
    state: row.state,
    stateLabel: stateLabel(row.state),
    enterpriseName: row.anonymous === 1 && !seesIdentity(viewer) ? ANONYMOUS_ENTERPRISE : row.enterprise_name,
    handlerName: row.handler_name,
    submittedAt: row.submitted_at,
    dueAt: row.due_at,
    dueLabel: row.due_at === null ? null : dueLabel(row.state),
    overdue: isOverdue({ state: row.state, acceptDueAt: row.accept_due_at, closeDueAt: row.close_due_at, pausedAt: row.paused_at }, now),
    version: row.version,
  }
}
