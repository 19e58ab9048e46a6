import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import type { InboxFilter } from '../../domain/appeal/lists'
import { DONE_STATES, OPEN_STATES, PAUSED, SUBMITTED } from '../../domain/appeal/rules'
import type { Database } from '../database'
import { searchCondition, selectAppealSummaries } from './appeals'

type AppealsEb = ExpressionBuilder<Database, 'appeals'>

/** Whose appeals an inbox holds: those one person handles; a department's and those its head handles; or all. */
export type InboxScope = { handlerId: string } | { departmentId: string; handlerId: string } | 'all'

function scopeCondition(scope: InboxScope) {
  return (eb: AppealsEb) => {
    if (scope === 'all') return eb.lit(true)
    if ('departmentId' in scope)
      return eb.or([eb('appeals.department_id', '=', scope.departmentId), eb('appeals.handler_id', '=', scope.handlerId)])
    return eb('appeals.handler_id', '=', scope.handlerId)
  }
}

/**
 * What waits on a person's decision: a department head's extension requests, a leader's disputed
 * dispatches, and the 督查 office's queue (disputes, returns to review, contested ratings, good
 * ratings picked for a call not yet made).
 */
export type Decisions = 'extension' | 'dispute' | 'office' | null

function decisionCondition(eb: AppealsEb, decisions: Decisions) {
  switch (decisions) {
    case 'extension':
      return eb('appeals.state', '=', 'extension_pending')
    case 'dispute':
      return eb('appeals.state', '=', 'disputed')
    case 'office':
      return eb.or([
        eb('appeals.state', 'in', ['disputed', 'return_review']),
        eb('appeals.rating_contest', '=', 'pending'),
        eb.and([eb('appeals.spot_check_picked', '=', 1), eb('appeals.spot_checked_at', 'is', null), eb('appeals.state', '=', 'closed')]),
        // The office's own complaints about staff wait on it for their extensions too.
        eb.and([eb('appeals.state', '=', 'extension_pending'), eb('appeals.conduct', '=', 1), eb('appeals.department_id', 'is', null)]),
      ])
    case null:
      return eb.lit(false)
  }
}

// Open appeals carry their running deadline, except those whose clock stands still (a pause, a
// return under review), whose due_at is null.
function filterCondition(filter: InboxFilter, now: number, decisions: Decisions) {
  return (eb: AppealsEb) => {
    switch (filter) {
      case 'awaiting_decision':
        return decisionCondition(eb, decisions)
      case 'open':
        return eb('appeals.state', 'in', OPEN_STATES)
      case 'overdue':
        // Past the running deadline, or paused after it had already passed.
        return eb.and([
          eb('appeals.state', 'in', OPEN_STATES),
          eb.or([
            eb('appeals.due_at', '<', now),
            eb.and([eb('appeals.state', '=', PAUSED), eb('appeals.close_due_at', '<', eb.ref('appeals.paused_at'))]),
          ]),
        ])
      case 'awaiting_acceptance':
        return eb.and([eb('appeals.due_at', 'is not', null), eb('appeals.state', '=', SUBMITTED)])
      case 'done':
        return eb('appeals.state', 'in', DONE_STATES)
    }
  }
}

/**
 * A page of the appeals in `scope` that `filter` selects, the deadline that runs out first on top
 * and those whose clock stands still after them (finished ones last changed first), with the
 * scope's count for every filter, all counted in SQL. `decisions` is what waits on this person.
 * A `search` narrows the scope first (so the counts are of what matches) and replaces the filter:
 * a number read out on the phone is found whatever state its appeal is in, newest first.
 */
export async function listInboxAppeals(
  db: Kysely<Database>,
  scope: InboxScope,
  filter: InboxFilter,
  page: { now: number; decisions: Decisions; limit: number; offset: number; search?: string },
) {
  const { now, decisions: decisionState } = page
  const search = page.search ?? ''
  const scoped = selectAppealSummaries(db).where(scopeCondition(scope)).where(searchCondition(search))
  const filtered = search === '' ? scoped.where(filterCondition(filter, now, decisionState)) : scoped
  const ordered =
    search !== ''
      ? filtered.orderBy('appeals.submitted_at', 'desc')
      : filter === 'done'
        ? filtered.orderBy('appeals.updated_at', 'desc')
        : // NULLS LAST is PostgreSQL's own order for an ascending index: it reads the person's
          // appeals in deadline order from the inbox index and stops at the page, rather than
          // sorting every open appeal they hold.
          filtered.orderBy('appeals.due_at', (ob) => ob.asc().nullsLast()).orderBy('appeals.submitted_at', 'asc')

  const count = (condition: ReturnType<ReturnType<typeof filterCondition>>) =>
    sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`
  const [rows, counts] = await Promise.all([
    ordered.orderBy('appeals.id').limit(page.limit).offset(page.offset).execute(),
    db
      .selectFrom('appeals')
      .where(scopeCondition(scope))
      .where(searchCondition(search))
      .select((eb) => [
        count(filterCondition('open', now, decisionState)(eb)).as('open'),
        count(filterCondition('overdue', now, decisionState)(eb)).as('overdue'),
        count(filterCondition('awaiting_acceptance', now, decisionState)(eb)).as('awaiting'),
        count(filterCondition('awaiting_decision', now, decisionState)(eb)).as('decision'),
        count(filterCondition('done', now, decisionState)(eb)).as('done'),
        eb.fn.countAll<number>().as('matched'),
      ])
      .executeTakeFirstOrThrow(),
  ])
  const totals: Record<InboxFilter, number> = {
    open: Number(counts.open),
    overdue: Number(counts.overdue),
    awaiting_acceptance: Number(counts.awaiting),
    awaiting_decision: Number(counts.decision),
    done: Number(counts.done),
  }
  return { rows, counts: totals, matched: search === '' ? totals[filter] : Number(counts.matched) }
}
