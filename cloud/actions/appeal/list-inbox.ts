import type { InboxResult, ParsedInput } from '../../contract'
import { listInboxAppeals, type Decisions, type InboxScope } from '../../store/repositories/inbox'
import type { UserRow } from '../../store/repositories/users'
import { ActionContext, requireUser } from '../context'
import { toAppealSummary } from '../../views/appeal-summary'

/** Whose appeals a staff member works on: an officer what they hold, a head their department's, leaders all. */
function scopeOf(user: UserRow): InboxScope {
  if (user.role === 'officer') return { handlerId: user.id }
  if (user.role === 'dept_head') return { departmentId: user.department_id ?? '', handlerId: user.id }
  return 'all'
}

/**
 * What waits on the person's decision: a head's extension requests, leaders' disputed dispatches,
 * the 督查 office's (admins') disputes, returns, contested ratings and spot checks; nothing for officers.
 */
function decisionsOf(user: UserRow): Decisions {
  return user.role === 'dept_head' ? 'extension' : user.role === 'leader' ? 'dispute' : user.role === 'admin' ? 'office' : null
}

/**
 * appeal.inbox: the staff member's appeals, the deadline that runs out first on top (so what is
 * overdue leads), with a count for each filter, all counted in SQL. A search (a 诉求编号 or title
 * words) stays inside the same scope: nobody finds by number what their inbox would not show them.
 */
export async function listInbox(ctx: ActionContext, input: ParsedInput<'appeal.inbox'>): Promise<InboxResult> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const { rows, counts, matched } = await listInboxAppeals(ctx.db, scopeOf(user), input.filter, {
    now,
    decisions: decisionsOf(user),
    limit: input.limit,
    offset: input.offset,
    search: input.search,
  })
  const totals = {
    open: counts.open,
    overdue: counts.overdue,
    awaitingAcceptance: counts.awaiting_acceptance,
    awaitingDecision: counts.awaiting_decision,
    done: counts.done,
  }
  return { items: rows.map((row) => toAppealSummary(row, now, user.role)), total: matched, counts: totals }
}
