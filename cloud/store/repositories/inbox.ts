import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import type { InboxFilter } from '../../domain/appeal/lists'
import { DONE_STATES, OPEN_STATES, SUBMITTED } from '../../domain/appeal/rules'
import type { Database } from '../database'
import { selectAppealSummaries } from './appeals'

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

// An open appeal always has a running deadline; saying so lets the (handler, due_at) index skip
// the finished ones, whose due_at is null and sorts first.
function filterCondition(filter: InboxFilter, now: number, decisionState: string | null) {
  return (eb: AppealsEb) => {
    switch (filter) {
      case 'awaiting_decision':
        return decisionState ? eb.and([eb('appeals.due_at', 'is not', null), eb('appeals.state', '=', decisionState)]) : eb.lit(false)
      case 'open':
        return eb.and([eb('appeals.due_at', 'is not', null), eb('appeals.state', 'in', OPEN_STATES)])
      case 'overdue':
        return eb.and([eb('appeals.due_at', '<', now), eb('appeals.state', 'in', OPEN_STATES)])
      case 'awaiting_acceptance':
        return eb.and([eb('appeals.due_at', 'is not', null), eb('appeals.state', '=', SUBMITTED)])
      case 'done':
        return eb('appeals.state', 'in', DONE_STATES)
    }
  }
}

/**
 * A page of the appeals in `scope` that `filter` selects, the deadline that runs out first on top
 * (finished ones last changed first), with the scope's count for every filter, all counted in SQL.
 * `decisionState` is the state that waits on this person's decision ('awaiting_decision'), if any.
 */
export async function listInboxAppeals(
  db: Kysely<Database>,
  scope: InboxScope,
  filter: InboxFilter,
  page: { now: number; decisionState: string | null; limit: number; offset: number },
) {
  const { now, decisionState } = page
  const scoped = selectAppealSummaries(db).where(scopeCondition(scope))
  const filtered = scoped.where(filterCondition(filter, now, decisionState))
  const ordered =
    filter === 'done'
      ? filtered.orderBy('appeals.updated_at', 'desc')
      : filtered.orderBy('appeals.due_at', 'asc').orderBy('appeals.submitted_at', 'asc')

  const count = (condition: ReturnType<ReturnType<typeof filterCondition>>) =>
    sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`
  const [rows, counts] = await Promise.all([
    ordered.orderBy('appeals.id').limit(page.limit).offset(page.offset).execute(),
    db
      .selectFrom('appeals')
      .where(scopeCondition(scope))
      .select((eb) => [
        count(filterCondition('open', now, decisionState)(eb)).as('open'),
        count(filterCondition('overdue', now, decisionState)(eb)).as('overdue'),
        count(filterCondition('awaiting_acceptance', now, decisionState)(eb)).as('awaiting'),
        count(filterCondition('awaiting_decision', now, decisionState)(eb)).as('decision'),
        count(filterCondition('done', now, decisionState)(eb)).as('done'),
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
  return { rows, counts: totals }
}
