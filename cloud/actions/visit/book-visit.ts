import type { ParsedInput, VisitView } from '../../contract'
import { AppError, badRequest, forbidden } from '../../domain/errors'
import { newId } from '../../store/ids'
import { DEFAULT_BOOKINGS_PER_WEEK, isFuture, quotaKeys, slotKey } from '../../domain/visit/calendar'
import { inTransaction } from '../../store/database'
import { isUniqueViolation } from '../../store/constraint'
import { findAppealById } from '../../store/repositories/appeals'
import { findHeldQuotaKeys, findVisitByRequest, hasOpenSlot, insertVisit, newVisitRow } from '../../store/repositories/visits'
import { ActionContext, requireUser } from '../context'
import { notifyVisitEvent } from '../../notify/visit-notifications'
import { hostsOfEnterprise } from './visit-slots'
import { toVisitView } from '../../views/visit-view'

/**
 * visit.book: an owner books one of their visitors' open half-days. The slot is held by a unique
 * column, so of two owners booking it at once exactly one succeeds and the other hears it is taken.
 * A retried submit with the same request id finds the first booking.
 */
export async function bookVisit(ctx: ActionContext, input: ParsedInput<'visit.book'>): Promise<VisitView> {
  const user = requireUser(ctx)
  if (!user.enterprise_id) throw forbidden('请先绑定企业，再预约走访')
  const now = ctx.clock.now()
  const retried = await findVisitByRequest(ctx.db, user.id, input.clientRequestId)
  if (retried) return toVisitView(ctx, user, retried)

  const host = (await hostsOfEnterprise(ctx, user.enterprise_id)).find((h) => h.id === input.hostId)
  if (!host) throw badRequest('「走访人」(hostId)：只能预约本企业的驻企特派员、包抓部门负责人或包抓领导', 'hostId')
  if (!isFuture(input.day, input.half, now)) throw badRequest('「日期」(day)：不能预约已经过去的时间', 'day')
  if (!(await hasOpenSlot(ctx.db, host.id, input.day, input.half)))
    throw badRequest('「时段」(half)：这个时段没有开放预约，请另选时间', 'half')
  if (input.appealId) {
    const appeal = await findAppealById(ctx.db, input.appealId)
    if (!appeal || appeal.enterprise_id !== user.enterprise_id) throw badRequest('「相关诉求」(appealId)：没有这条诉求', 'appealId')
  }

  // A place in the enterprise's weekly allowance with this visitor, held by the booking while it is
  // live: of bookings racing for the last place, one gets it and the others are told.
  const places = quotaKeys(user.enterprise_id, host.id, input.day, ctx.visitBookingsPerWeek ?? DEFAULT_BOOKINGS_PER_WEEK)
  const taken = await findHeldQuotaKeys(ctx.db, places)
  const free = places.filter((key) => !taken.has(key))
  const full = () => new AppError('CONFLICT', `本周已预约${host.name} ${places.length} 次，请等已约的走访结束后再约，或改约下周`)
  if (free.length === 0) throw full()

  const id = newId('vis')
  for (const [index, place] of free.entries()) {
    try {
      await inTransaction(ctx.db, async (trx) => {
        const row = newVisitRow({
          id,
          enterprise_id: user.enterprise_id!,
          host_id: host.id,
          host_role: host.role,
          kind: host.role === 'leader' ? 'meeting' : 'visit',
          origin: 'booked',
          requested_by: user.id,
          client_request_id: input.clientRequestId,
          topic: input.topic,
          appeal_id: input.appealId ?? null,
          day: input.day,
          half: input.half,
          state: 'requested',
          held_slot: slotKey(host.id, input.day, input.half),
          quota_key: place,
          created_at: now,
        })
        await insertVisit(trx, row)
        await notifyVisitEvent(trx, row, 'book', { id: user.id, party: 'owner' }, '', now)
      })
      break
    } catch (error) {
      const raced = await findVisitByRequest(ctx.db, user.id, input.clientRequestId)
      if (raced) return toVisitView(ctx, user, raced)
      // Another booking of the same enterprise took this place a moment ago: try the next one.
      if (isUniqueViolation(error) && /quota/.test(String((error as Error).message))) {
        if (index === free.length - 1) throw full()
        continue
      }
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', '这个时段刚刚被其他企业预约，请另选时间')
      throw error
    }
  }
  ctx.log.info('visit booked', { visitId: id, hostId: host.id })
  return toVisitView(ctx, user, (await findVisitByRequest(ctx.db, user.id, input.clientRequestId))!)
}
