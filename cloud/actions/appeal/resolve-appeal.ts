import type { ActionContext } from '../../app/context'
import type { AppealDetail, ParsedInput } from '../../contract'
import { transitionAppeal } from './transition-appeal'

/** appeal.resolve (办结): what was done; the owner is then asked to rate it. */
export function resolveAppeal(ctx: ActionContext, input: ParsedInput<'appeal.resolve'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'resolve',
    note: input.outcome,
    changes: (_appeal, _to, now) => ({ resolved_at: now }),
  })
}
