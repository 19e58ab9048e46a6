/** The ways a list of appeals can be narrowed, for owners and for officers. No imports: the app uses it. */
export const APPEAL_LIST_FILTERS = ['all', 'open', 'awaiting_rating', 'done'] as const
export type AppealListFilter = (typeof APPEAL_LIST_FILTERS)[number]

export const INBOX_FILTERS = ['open', 'overdue', 'awaiting_acceptance', 'done'] as const
export type InboxFilter = (typeof INBOX_FILTERS)[number]
