import type { AppealDetail, ParsedInput } from '../../contract'
import { ActionContext } from '../context'
import { transitionAppeal } from '../../workflows/appeal-transition'

/** appeal.return (不予受理): not something this office can take on; says why and where to go instead. */
export function returnAppeal(ctx: ActionContext, input: ParsedInput<'appeal.return'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'return',
    note: `${input.reason}\n建议：${input.redirectTo}`,
    data: { reason: input.reason, redirectTo: input.redirectTo },
    changes: (appeal, _to, now) => ({ closed_at: now, responded_at: appeal.responded_at ?? now }),
  })
}
