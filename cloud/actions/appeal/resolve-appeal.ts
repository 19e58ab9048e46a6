import type { ActionContext } from '../../app/context'
import type { AppealDetail, ParsedInput } from '../../contract'
import { resolveGroupMembers } from './group-appeals'
import type { AppealRow } from '../../store/repositories/appeals'
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
    changes: (appeal, _to, now) => ({ ...resolutionColumns(appeal, now), help_kind: input.helpKind ?? null, help_amount: input.helpAmount ?? null }),
    alongside: (trx, appeal, user, now) => resolveGroupMembers(trx, appeal, user, input.outcome, now),
  })
}

/**
 * What resolving sets, alone or with a group: when, the withdrawn extension request, and whether it
 * came after the deadline in force (an approved extension moved it; the bulletin counts this).
 */
export function resolutionColumns(appeal: AppealRow, now: number) {
  return { resolved_at: now, requested_due_at: null, resolved_late: appeal.resolved_late || now > appeal.close_due_at ? 1 : 0 }
}
