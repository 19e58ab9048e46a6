import type { VisitView } from '../contract'
import { AppError, forbidden } from '../domain/errors'
import { slotKey, type Half } from '../domain/visit/calendar'
import { LIVE_STATES, nextVisitState, VISIT_MOVE_LABELS, VISIT_STATE_LABELS, type VisitMove, type VisitState } from '../domain/visit/rules'
import { isUniqueViolation } from '../store/constraint'
import { inTransaction, type Db } from '../store/database'
import { findVisitById, updateVisitIfVersion, type VisitChanges, type VisitRow } from '../store/repositories/visits'
import { ActionContext, requireUser } from '../actions/context'
import { loadVisibleVisit } from '../access/visit-access'
import { notifyVisitEvent, type VisitEvent } from '../notify/visit-notifications'
import { toVisitView } from '../views/visit-view'

const conflict = (message: string) => new AppError('CONFLICT', message)

/**
 * The one way a visit changes: the caller must see it and be a party to it, the rules must allow
 * the action from its state, the version must be the one the caller saw (else 409), and the change
 * with its notifications is written in one transaction. `patch` adds what the action itself writes.
 */
export async function applyVisitMove(
  ctx: ActionContext,
  input: { id: string; version: number },
  action: VisitMove,
  patch: (visit: VisitRow, next: VisitState, trx: Db) => Promise<VisitChanges> | VisitChanges,
  event: VisitEvent | null,
  note = '',
): Promise<VisitView> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const { visit, party } = await loadVisibleVisit(ctx.db, user, input.id)
  if (!party) throw forbidden(`只有预约的企业和走访人可以${VISIT_MOVE_LABELS[action]}`)
  const next = nextVisitState({ state: visit.state as VisitState, ownerConfirmedAt: visit.owner_confirmed_at }, party, action)
  if (!next) throw conflict(`这次走访${VISIT_STATE_LABELS[visit.state as VisitState]}，现在不能${VISIT_MOVE_LABELS[action]}`)
  if (visit.version !== input.version)
    throw conflict(`这次走访已被更新（现在${VISIT_STATE_LABELS[visit.state as VisitState]}），请刷新后再操作`)

  await inTransaction(ctx.db, async (trx) => {
    const changes = await patch(visit, next, trx)
    const live = LIVE_STATES.includes(next)
    const day = (changes.day as string | undefined) ?? visit.day
    const half = (changes.half as Half | undefined) ?? (visit.half as Half)
    const written = await updateVisitIfVersion(trx, visit.id, visit.version, {
      state: next,
      // A visit that ends gives its half-day back; one that moves holds the new one.
      held_slot: live && visit.origin === 'booked' ? slotKey(visit.host_id, day, half) : null,
      // An ended booking gives back its place in the enterprise's weekly allowance too.
      quota_key: live ? visit.quota_key : null,
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
