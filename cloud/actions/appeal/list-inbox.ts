import { sql, type ExpressionBuilder } from 'kysely'
import type { InboxResult, ParsedInput } from '../../contract'
import type { InboxFilter } from '../../domain/appeal/lists'
import { DONE_STATES, OPEN_STATES, SUBMITTED } from '../../domain/appeal/rules'
import type { Database } from '../../store/database'
import { selectAppealSummaries } from '../../store/repositories/appeals'
import type { UserRow } from '../../store/repositories/users'
import { ActionContext, requireUser } from '../context'
import { toAppealSummary } from '../../views/appeal-summary'

type AppealsEb = ExpressionBuilder<Database, 'appeals'>

/** Whose appeals a staff member works on: an officer what they hold, a head their department's, leaders all. */
function scopeOf(user: UserRow) {
  return (eb: AppealsEb) => {
    if (user.role === 'officer') return eb('appeals.handler_id', '=', user.id)
    if (user.role === 'dept_head') {
      return eb.or([eb('appeals.department_id', '=', user.department_id ?? ''), eb('appeals.handler_id', '=', user.id)])
    }
    return eb.lit(true)
  }
}

// An open appeal always has a running deadline; saying so lets the (handler, due_at) index skip
// the finished ones, whose due_at is null and sorts first.
function filterOf(filter: InboxFilter, now: number, user: UserRow) {
  return (eb: AppealsEb) => {
    switch (filter) {
      case 'awaiting_decision': {
        const state = user.role === 'dept_head' ? 'extension_pending' : user.role === 'leader' || user.role === 'admin' ? 'disputed' : null
        return state ? eb.and([eb('appeals.due_at', 'is not', null), eb('appeals.state', '=', state)]) : eb.lit(false)
      }
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
 * appeal.inbox: the staff member's appeals, the deadline that runs out first on top (so what is
 * overdue leads), with a count for each filter, all counted in SQL.
 */
export async function listInbox(ctx: ActionContext, input: ParsedInput<'appeal.inbox'>): Promise<InboxResult> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const scoped = selectAppealSummaries(ctx.db).where(scopeOf(user))
  const filtered = scoped.where(filterOf(input.filter, now, user))
  const ordered =
    input.filter === 'done'
      ? filtered.orderBy('appeals.updated_at', 'desc')
      : filtered.orderBy('appeals.due_at', 'asc').orderBy('appeals.submitted_at', 'asc')

  const count = (condition: ReturnType<ReturnType<typeof filterOf>>) =>
    sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`
  const [rows, counts] = await Promise.all([
    ordered.orderBy('appeals.id').limit(input.limit).offset(input.offset).execute(),
    ctx.db
      .selectFrom('appeals')
      .where(scopeOf(user))
      .select((eb) => [
        count(filterOf('open', now, user)(eb)).as('open'),
        count(filterOf('overdue', now, user)(eb)).as('overdue'),
        count(filterOf('awaiting_acceptance', now, user)(eb)).as('awaiting'),
        count(filterOf('awaiting_decision', now, user)(eb)).as('decision'),
        count(filterOf('done', now, user)(eb)).as('done'),
      ])
      .executeTakeFirstOrThrow(),
  ])
  const totals = {
    open: Number(counts.open),
    overdue: Number(counts.overdue),
    awaitingAcceptance: Number(counts.awaiting),
    awaitingDecision: Number(counts.decision),
    done: Number(counts.done),
  }
  const total = {
    open: totals.open,
    overdue: totals.overdue,
    awaiting_acceptance: totals.awaitingAcceptance,
    awaiting_decision: totals.awaitingDecision,
    done: totals.done,
  }[input.filter]
  return { items: rows.map((row) => toAppealSummary(row, now)), total, counts: totals }
}
