import type { ActionContext } from '../../app/context'
import type { AppealDetail, ParsedInput } from '../../contract'
import { resolveGroupMembers } from './group-appeals'
import { transitionAppeal } from './transition-appeal'

/** appeal.resolve (办结): what was done and, where there was one, the help delivered; the owner then rates it.
 * Resolving while an extension waits withdraws the request; resolving a group's lead resolves the group. */
export function resolveAppeal(ctx: ActionContext, input: ParsedInput<'appeal.resolve'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'resolve',
    note: input.outcome,
    data: input.helpKind ? { helpKind: input.helpKind, helpAmount: input.helpAmount ?? null } : {},
    changes: (_appeal, _to, now) => ({ resolved_at: now, requested_due_at: null, help_kind: input.helpKind ?? null, help_amount: input.helpAmount ?? null }),
    alongside: (trx, appeal, user, now) => resolveGroupMembers(trx, appeal, user, input.outcome, now),
  })
}
