import type { AppealDetail, ParsedInput } from '../../contract'
import { initialDeadlines } from '../../domain/appeal/deadlines'
import { ActionContext } from '../context'
import { transitionAppeal } from '../../workflows/appeal-transition'

/**
 * appeal.return (不予受理): not something this office can take on; says why and where to go instead.
 * It counts as an answer (响应) only if the 督查 office upholds it: until then it waits for review.
 */
export function returnAppeal(ctx: ActionContext, input: ParsedInput<'appeal.return'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'return',
    note: `${input.reason}\n建议：${input.redirectTo}`,
    data: { reason: input.reason, redirectTo: input.redirectTo },
    changes: (appeal, _to, now) => ({ responded_at: appeal.responded_at ?? now, return_outcome: 'pending' }),
  })
}

/** appeal.objectReturn: the enterprise objects to a return, once, with its reason; the 督查 office reviews it. */
export function objectToReturn(ctx: ActionContext, input: ParsedInput<'appeal.objectReturn'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'objectReturn',
    note: input.reason,
    data: { reason: input.reason },
    changes: () => ({ return_objected: 1, return_outcome: 'pending', closed_at: null }),
  })
}

/**
 * appeal.reviewReturn: the 督查 office upholds a return (it stands, closed) or sends it back to be
 * handled: accepted by the department it was routed to, with the full time to close from now. A
 * return sent back was no answer: its response is the ruling, so a wrong return is a late one.
 */
export function reviewReturn(ctx: ActionContext, input: ParsedInput<'appeal.reviewReturn'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: input.uphold ? 'upholdReturn' : 'overturnReturn',
    note: input.note,
    data: { uphold: input.uphold },
    changes: (_appeal, _to, now) =>
      input.uphold
        ? { return_outcome: 'upheld', closed_at: now }
        : {
            return_outcome: 'overturned',
            responded_at: now,
            accepted_at: now,
            close_due_at: initialDeadlines(now, 'normal', ctx.deadlines).closeDueAt,
          },
  })
}
