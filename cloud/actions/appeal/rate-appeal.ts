import type { AppealDetail, ParsedInput } from '../../contract'
import { reopenedCloseDeadline } from '../../domain/appeal/deadlines'
import { RATING_LABELS } from '../../domain/appeal/rules'
import { ActionContext } from '../context'
import { transitionAppeal } from '../../workflows/appeal-transition'

/**
 * appeal.rate (评价): only the enterprise that filed it. 满意 and 基本满意 close it; 不满意 reopens it
 * for rework (重办) with a new deadline.
 */
export function rateAppeal(ctx: ActionContext, input: ParsedInput<'appeal.rate'>): Promise<AppealDetail> {
  const note = [RATING_LABELS[input.rating], input.reason, input.comment].filter(Boolean).join('：')
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: input.rating === 'unsatisfied' ? 'rateUnsatisfied' : 'rate',
    note,
    data: { rating: input.rating, reason: input.reason, comment: input.comment },
    changes: (appeal, _to, now) => ({
      rating: input.rating,
      rated_at: now,
      ...(input.rating === 'unsatisfied'
        ? { resolved_at: null, close_due_at: reopenedCloseDeadline(now, ctx.deadlines), reopen_count: appeal.reopen_count + 1 }
        : { closed_at: now }),
    }),
  })
}
