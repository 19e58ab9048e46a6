import type { AppealDetail, ParsedInput } from '../../contract'
import { ActionContext } from '../context'
import { transitionAppeal } from '../../workflows/appeal-transition'

/**
 * appeal.followUp (回访): someone other than the handler calls the enterprise and records what they
 * heard, and whether it says its problem is solved. After a rectification this is the 回访 the
 * bulletin's 回访率 counts.
 */
export function followUpAppeal(ctx: ActionContext, input: ParsedInput<'appeal.followUp'>): Promise<AppealDetail> {
  const solved = !input.reachable || input.solved === undefined ? '' : input.solved ? '（企业表示问题已解决）' : '（企业表示问题未解决）'
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'followUp',
    note: input.reachable ? `${input.note}${solved}` : `未联系上企业：${input.note}`,
    data: { reachable: input.reachable, ...(input.reachable && input.solved !== undefined ? { solved: input.solved } : {}) },
    changes: (_appeal, _to, now) => ({
      ...(input.reachable ? { followed_up_at: now } : {}),
      ...(input.reachable && input.solved !== undefined ? { solved: input.solved ? 1 : 0 } : {}),
    }),
  })
}

/** appeal.supervise (领导督办): a leader or admin presses an open appeal; its handler and head are told at once. */
export function superviseAppeal(ctx: ActionContext, input: ParsedInput<'appeal.supervise'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, { id: input.id, version: input.version, action: 'supervise', note: input.note })
}
