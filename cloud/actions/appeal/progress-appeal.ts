import type { AppealDetail, ParsedInput } from '../../contract'
import { ActionContext } from '../context'
import { transitionAppeal } from '../../workflows/appeal-transition'

/** appeal.progress (添加进展): what has been done so far, for the owner to see. */
export function progressAppeal(ctx: ActionContext, input: ParsedInput<'appeal.progress'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, { id: input.id, version: input.version, action: 'progress', note: input.note })
}
