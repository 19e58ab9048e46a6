/** The ways a list of appeals can be narrowed, for owners and for officers. No imports: the app uses it. */
export const APPEAL_LIST_FILTERS = ['all', 'open', 'awaiting_rating', 'done'] as const
export type AppealListFilter = (typeof APPEAL_LIST_FILTERS)[number]

/**
 * 'awaiting_decision' is what waits on the viewer's decision: extension requests for a department
 * head, disputed dispatches for leaders and admins; officers decide nothing of the kind.
 */
export const INBOX_FILTERS = ['open', 'overdue', 'awaiting_acceptance', 'awaiting_decision', 'done'] as const
export type InboxFilter = (typeof INBOX_FILTERS)[number]
