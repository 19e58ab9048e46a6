import type { AppealDetail, ParsedInput } from '../../contract'
import { isBadRating, RATING_LABELS } from '../../domain/appeal/rules'
import { ActionContext } from '../context'
import { transitionAppeal } from '../../workflows/appeal-transition'
import { ratingColumns } from './rate-appeal'

/** appeal.contestRating (申诉复核): the handler contests a 差评 as unfair, once, with the reason; the 督查 office rules. */
export function contestRating(ctx: ActionContext, input: ParsedInput<'appeal.contestRating'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'contestRating',
    note: input.reason,
    data: (appeal) => ({ rating: appeal.rating, reason: input.reason }),
    changes: () => ({ rating_contest: 'pending' }),
  })
}

/**
 * appeal.ruleContest: the 督查 office rules on the contest. Upheld, the 差评 is set aside (counted in
 * no rate) and nothing is left to rectify: the appeal closes. Dismissed, the 差评 stands and its
 * rectification goes on.
 */
export function ruleContest(ctx: ActionContext, input: ParsedInput<'appeal.ruleContest'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: input.upheld ? 'upholdContest' : 'dismissContest',
    note: input.note,
    data: { upheld: input.upheld },
    changes: (appeal, _to, now) =>
      input.upheld
        ? { rating_contest: 'upheld', rating_voided: 1, closed_at: appeal.closed_at ?? now, requested_due_at: null, info_request: null }
        : { rating_contest: 'dismissed' },
  })
}

/**
 * appeal.spotCheck (抽查回访): the 督查 office calls an enterprise that rated well. If it says the
 * rating was given freely, that is recorded; if not (评价不实), what it says now is its rating: a
 * 差评 reopens the appeal to be rectified, a lower 好评 replaces the old one.
 */
export function spotCheck(ctx: ActionContext, input: ParsedInput<'appeal.spotCheck'>): Promise<AppealDetail> {
  const pressured = input.verdict === 'pressured'
  const rating = pressured ? input.rating! : undefined
  const said = !input.reachable
    ? `未联系上企业：${input.note}`
    : pressured
      ? `评价不实，企业实际评价：${RATING_LABELS[rating!]}：${input.note}`
      : `评价属实：${input.note}`
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: pressured && isBadRating(rating!) ? 'spotCheckReopen' : 'spotCheck',
    note: said,
    data: { reachable: input.reachable, verdict: input.verdict, ...(rating ? { rating } : {}) },
    changes: (appeal, _to, now) => ({
      ...(rating ? ratingColumns({ ...ctx, random: () => 1 }, appeal, rating, undefined, now) : {}),
      // A lower 好评 leaves it closed when it was; the rating it replaces stays counted as picked.
      ...(rating && !isBadRating(rating) ? { closed_at: appeal.closed_at } : {}),
      spot_check_picked: appeal.spot_check_picked,
      spot_checked_at: now,
      spot_check_result: !input.reachable ? 'unreachable' : input.verdict,
    }),
  })
}
