import type { AppealDetail, ParsedInput } from '../../contract'
import { chosenCloseDeadline } from '../../domain/appeal/deadlines'
import { inZone } from '../../domain/clock'
import { transitionAppeal } from '../../workflows/appeal-transition'
import { ActionContext } from '../context'

const day = (ms: number) => inZone(ms).format('YYYY-MM-DD')

/**
 * appeal.requestExtension (申请延期): the handler asks for a later close date, with the reason. The
 * current deadline keeps running, and supervision with it, until the department head decides.
 */
export function requestExtension(ctx: ActionContext, input: ParsedInput<'appeal.requestExtension'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'requestExtension',
    note: `申请延期至 ${input.closeBy}：${input.reason}`,
    data: { closeBy: input.closeBy, reason: input.reason },
    changes: (appeal, _to, now) => ({ requested_due_at: chosenCloseDeadline(input.closeBy, now, ctx.deadlines, appeal.close_due_at) }),
  })
}

/**
 * appeal.decideExtension: the head of the department approves (the new date holds) or refuses, for
 * an extension or the longer deadline of a complex appeal asked for at acceptance.
 */
export function decideExtension(ctx: ActionContext, input: ParsedInput<'appeal.decideExtension'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: input.approve ? 'approveExtension' : 'refuseExtension',
    note: (appeal) =>
      [input.approve && appeal.requested_due_at !== null ? `同意延期至 ${day(appeal.requested_due_at)}` : '', input.note]
        .filter(Boolean)
        .join('：'),
    data: (appeal) => (input.approve && appeal.requested_due_at !== null ? { closeBy: day(appeal.requested_due_at) } : {}),
    changes: (appeal) => {
      const granted = input.approve && appeal.requested_due_at !== null
      // A complex appeal asked for its date at acceptance (受理); any other, later (申请延期).
      const atAcceptance = appeal.complexity === 'complex_pending'
      return {
        requested_due_at: null,
        ...(granted ? { close_due_at: appeal.requested_due_at!, complexity: atAcceptance ? 'complex' : 'extended' } : {}),
        ...(!granted && atAcceptance ? { complexity: 'ordinary' } : {}),
      }
    },
  })
}
