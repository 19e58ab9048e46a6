import type { AppealDetail, ParsedInput } from '../../contract'
import { ActionContext } from '../context'
import { resolutionColumns, resolveGroupMembers } from '../../workflows/appeal-resolution'
import { transitionAppeal } from '../../workflows/appeal-transition'

/** appeal.resolve (办结): what was done and, where there was one, the help delivered; the owner then rates it.
 * Resolving while an extension waits withdraws the request; resolving a group's lead resolves the group. */
export function resolveAppeal(ctx: ActionContext, input: ParsedInput<'appeal.resolve'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'resolve',
    note: input.outcome,
    data: input.helpKind ? { helpKind: input.helpKind, helpAmount: input.helpAmount ?? null } : {},
    changes: (appeal, _to, now) => ({
      ...resolutionColumns(appeal, now),
      help_kind: input.helpKind ?? null,
      help_amount: input.helpAmount ?? null,
    }),
    alongside: (trx, appeal, actor, now) => resolveGroupMembers(trx, appeal, actor, input.outcome, now),
  })
}
