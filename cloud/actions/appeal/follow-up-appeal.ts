import type { AppealDetail, ParsedInput } from '../../contract'
import { ActionContext } from '../context'
import { transitionAppeal } from '../../workflows/appeal-transition'

/** appeal.followUp (回访): someone other than the handler calls the enterprise and records what they heard. */
export function followUpAppeal(ctx: ActionContext, input: ParsedInput<'appeal.followUp'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'followUp',
    note: input.reachable ? input.note : `未联系上企业：${input.note}`,
    data: { reachable: input.reachable },
  })
}

/** appeal.supervise (领导督办): a leader or admin presses an open appeal; its handler and head are told at once. */
export function superviseAppeal(ctx: ActionContext, input: ParsedInput<'appeal.supervise'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, { id: input.id, version: input.version, action: 'supervise', note: input.note })
}
