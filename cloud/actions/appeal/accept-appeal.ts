import type { AppealDetail, ParsedInput } from '../../contract'
import { chosenCloseDeadline } from '../../domain/appeal/deadlines'
import { ActionContext } from '../context'
import { transitionAppeal } from '../../workflows/appeal-transition'

/** appeal.accept (受理): the handler takes it on; a complex appeal gets its longer deadline now. */
export function acceptAppeal(ctx: ActionContext, input: ParsedInput<'appeal.accept'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'accept',
    note: input.note,
    data: input.closeBy ? { closeBy: input.closeBy } : {},
    changes: (appeal, _to, now) => ({
      accepted_at: now,
      responded_at: appeal.responded_at ?? now,
      ...(input.closeBy ? { complexity: 'complex', close_due_at: chosenCloseDeadline(input.closeBy, now, ctx.deadlines) } : {}),
    }),
  })
}
