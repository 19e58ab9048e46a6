import type { AppealDetail, ParsedInput } from '../../contract'
import { rectifyDeadline } from '../../domain/appeal/deadlines'
import { DEFAULT_OFFICE_RULES, pickedForSpotCheck } from '../../domain/appeal/office'
import { isBadRating, RATING_INDICATORS, RATING_LABELS, type Rating } from '../../domain/appeal/rules'
import type { AppealChanges } from '../../store/repositories/appeals'
import { ActionContext } from '../context'
import { transitionAppeal } from '../../workflows/appeal-transition'

/**
 * What a rating sets, from the enterprise or (抽查回访) from what it told the 督查 office: the rating,
 * whether the problem is solved, and a fresh start for what the last rating had (a contest, a
 * voided 差评, a spot check). A 差评 reopens it to be rectified (整改) within the configured working
 * days; a 好评 closes it, and is picked for a spot check at the configured share.
 */
export function ratingColumns(
  ctx: Pick<ActionContext, 'deadlines' | 'officeRules' | 'random'>,
  appeal: { reopen_count: number },
  rating: Rating,
  solved: boolean | undefined,
  now: number,
): AppealChanges {
  const fresh = { rating, rated_at: now, rating_contest: null, rating_voided: 0, spot_checked_at: null, spot_check_result: null }
  const said = solved === undefined ? {} : { solved: solved ? 1 : 0 }
  if (isBadRating(rating)) {
    const due = rectifyDeadline(now, ctx.deadlines)
    return {
      ...fresh,
      ...said,
      spot_check_picked: 0,
      resolved_at: null,
      closed_at: null,
      close_due_at: due,
      rectify_due_at: due,
      rectified_at: null,
      reopen_count: appeal.reopen_count + 1,
    }
  }
  const share = (ctx.officeRules ?? DEFAULT_OFFICE_RULES).spotCheckShare
  return { ...fresh, ...said, closed_at: now, spot_check_picked: pickedForSpotCheck((ctx.random ?? Math.random)(), share) ? 1 : 0 }
}

/**
 * appeal.rate (评价): only the person who filed it (for one staff took down, the enterprise's
 * owners), in the five levels of 好差评, with the online indicators ticked and whether the problem
 * is solved. 非常满意, 满意 and 基本满意 close it; 不满意 and 非常不满意 send it to be rectified.
 */
export function rateAppeal(ctx: ActionContext, input: ParsedInput<'appeal.rate'>): Promise<AppealDetail> {
  const indicators = input.indicators.map((i) => RATING_INDICATORS[i])
  const head = [
    RATING_LABELS[input.rating],
    input.solved === undefined ? '' : input.solved ? '问题已解决' : '问题未解决',
    indicators.length ? `认可${indicators.join('、')}` : '',
  ]
    .filter(Boolean)
    .join('，')
  const note = [head, input.reason, input.comment].filter(Boolean).join('：')
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: isBadRating(input.rating) ? 'rateUnsatisfied' : 'rate',
    note,
    data: {
      rating: input.rating,
      reason: input.reason,
      comment: input.comment,
      indicators: input.indicators,
      solved: input.solved ?? null,
    },
    changes: (appeal, _to, now) => ratingColumns(ctx, appeal, input.rating, input.solved, now),
  })
}
