import type { Updateable } from 'kysely'
import type { ActionContext } from '../../app/context'
import { requireUser } from '../../app/context'
import type { ParsedInput, VisitView } from '../../contract'
import { AppError, badRequest, forbidden } from '../../domain/errors'
import { isFuture, slotKey, type Half } from '../../domain/visit/calendar'
import { nextVisitState, VISIT_ACTION_LABELS, VISIT_STATE_LABELS, LIVE_STATES, type VisitAction, type VisitState } from '../../domain/visit/rules'
import type { VisitsTable } from '../../store/tables/visits'
import { isUniqueViolation } from '../../store/constraint'
import { findVisitById, hasOpenSlot, updateVisitIfVersion, type VisitRow } from '../../store/repositories/visits'
import { loadVisibleVisit } from './visit-access'
import { notifyVisitEvent, type VisitEvent } from './visit-notifications'
import { toVisitView } from './visit-view'
import type { Kysely } from 'kysely'
import type { Database } from '../../store/database'

const conflict = (message: string) => new AppError('CONFLICT', message)

/**
 * The one way a visit changes: the caller must see it and be a party to it, the rules must allow
 * the action from its state, the version must be the one the caller saw (else 409), and the change
 * with its notifications is written in one transaction. `patch` adds what the action itself writes.
 */
export async function applyVisitMove(
  ctx: ActionContext,
  input: { id: string; version: number },
  action: VisitAction,
  patch: (visit: VisitRow, next: VisitState, trx: Kysely<Database>) => Promise<Updateable<VisitsTable>> | Updateable<VisitsTable>,
  event: VisitEvent | null,
  note = '',
): Promise<VisitView> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const { visit, party } = await loadVisibleVisit(ctx.db, user, input.id)
  if (!party) throw forbidden(`只有预约的企业和走访人可以${VISIT_ACTION_LABELS[action]}`)
  const next = nextVisitState({ state: visit.state as VisitState, ownerConfirmedAt: visit.owner_confirmed_at }, party, action)
  if (!next) throw conflict(`这次走访${VISIT_STATE_LABELS[visit.state as VisitState]}，现在不能${VISIT_ACTION_LABELS[action]}`)
  if (visit.version !== input.version) throw conflict(`这次走访已被更新（现在${VISIT_STATE_LABELS[visit.state as VisitState]}），请刷新后再操作`)

  await ctx.db.transaction().execute(async (trx) => {
    const changes = await patch(visit, next, trx)
    const live = LIVE_STATES.includes(next)
    const day = (changes.day as string | undefined) ?? visit.day
    const half = (changes.half as Half | undefined) ?? (visit.half as Half)
    const written = await updateVisitIfVersion(trx, visit.id, visit.version, {
      state: next,
      // A visit that ends gives its half-day back; one that moves holds the new one.
      held_slot: live && visit.origin === 'booked' ? slotKey(visit.host_id, day, half) : null,
      updated_at: now,
      ...changes,
    }).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict('这个时段已被预约，请另选时间')
      throw error
    })
    if (!written) throw conflict('这次走访已被更新，请刷新后再操作')
    if (event) await notifyVisitEvent(trx, (await findVisitById(trx, visit.id))!, event, { id: user.id, party }, note, now)
  })
  return toVisitView(ctx, user, (await findVisitById(ctx.db, visit.id))!)
}

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
      if (next === 'requested' && !(await hasOpenSlot(trx, visit.host_id, input.day, input.half))) throw badRequest('「时段」(half)：走访人这个时段没有开放预约', 'half')
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
