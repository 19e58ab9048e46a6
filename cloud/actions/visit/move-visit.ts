import type { ParsedInput } from '../../contract'
import { badRequest } from '../../domain/errors'
import { isFuture } from '../../domain/visit/calendar'
import { hasOpenSlot } from '../../store/repositories/visits'
import { ActionContext } from '../context'
import { applyVisitMove } from '../../workflows/visit-transition'

export function confirmVisit(ctx: ActionContext, input: ParsedInput<'visit.confirm'>) {
  return applyVisitMove(ctx, input, 'confirm', () => ({ note: '' }), 'confirm')
}

export async function rescheduleVisit(ctx: ActionContext, input: ParsedInput<'visit.reschedule'>) {
  const now = ctx.clock.now()
  if (!isFuture(input.day, input.half, now)) throw badRequest('「日期」(day)：不能约在已经过去的时间', 'day')
  return applyVisitMove(
    ctx,
    input,
    'reschedule',
    async (visit, next, trx) => {
      // The owner picks from the visitor's open half-days; the visitor may offer any of their own.
      if (next === 'requested' && !(await hasOpenSlot(trx, visit.host_id, input.day, input.half)))
        throw badRequest('「时段」(half)：走访人这个时段没有开放预约', 'half')
      return { day: input.day, half: input.half, note: input.note, reminded_at: null }
    },
    'reschedule',
    input.note,
  )
}

export function declineVisit(ctx: ActionContext, input: ParsedInput<'visit.decline'>) {
  return applyVisitMove(ctx, input, 'decline', () => ({ note: input.reason }), 'decline', input.reason)
}

export function cancelVisit(ctx: ActionContext, input: ParsedInput<'visit.cancel'>) {
  return applyVisitMove(ctx, input, 'cancel', () => ({ note: input.reason }), 'cancel', input.reason)
}

/** The owner vouches that a recorded visit took place: proof when the visitor did not check in. */
export function attestVisit(ctx: ActionContext, input: ParsedInput<'visit.attest'>) {
  const now = ctx.clock.now()
  return applyVisitMove(ctx, input, 'attest', () => ({ owner_confirmed_at: now, proven: 1 }), null)
}
