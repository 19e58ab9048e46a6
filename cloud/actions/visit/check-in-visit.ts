import type { ParsedInput, VisitView } from '../../contract'
import { AppError, badRequest, forbidden } from '../../domain/errors'
import { newId } from '../../store/ids'
import { beijingDay, halfOf } from '../../domain/visit/calendar'
import { findEnterpriseByCheckinCode } from '../../store/repositories/enterprises'
import { findLiveVisitOn, findVisitById, insertVisit, newVisitRow, updateVisitIfVersion } from '../../store/repositories/visits'
import { ActionContext, requireUser } from '../context'
import { coversEnterprise } from '../../access/visit-access'
import { toVisitView } from '../../views/visit-view'

/**
 * visit.checkIn: the visitor scans the enterprise's own code on site. The day's confirmed visit is
 * marked as proven there and then (with the location, if the visitor allows it); without one, a
 * proactive visit is opened, to be recorded next.
 */
export async function checkInVisit(ctx: ActionContext, input: ParsedInput<'visit.checkIn'>): Promise<VisitView> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const enterprise = await findEnterpriseByCheckinCode(ctx.db, input.code)
  if (!enterprise) throw badRequest('「企业码」(code)：没有找到这家企业，请扫描企业“我的”页面上的走访码', 'code')
  if (!coversEnterprise(user, enterprise)) throw forbidden(`${enterprise.name}不在您的包联范围内`)
  const place = { checkin_lat: input.lat ?? null, checkin_lng: input.lng ?? null }

  const today = beijingDay(now)
  const booked = await findLiveVisitOn(ctx.db, user.id, enterprise.id, today)
  if (booked) {
    if (booked.checked_in_at === null) {
      const written = await updateVisitIfVersion(ctx.db, booked.id, booked.version, {
        checked_in_at: now,
        proven: 1,
        updated_at: now,
        ...place,
      })
      if (!written) throw new AppError('CONFLICT', '这次走访刚被更新，请再扫一次')
    }
    return toVisitView(ctx, user, (await findVisitById(ctx.db, booked.id))!)
  }
  const id = newId('vis')
  await insertVisit(
    ctx.db,
    newVisitRow({
      id,
      enterprise_id: enterprise.id,
      host_id: user.id,
      host_role: user.role,
      kind: 'visit',
      origin: 'proactive',
      topic: '主动走访',
      day: today,
      half: halfOf(now),
      state: 'confirmed',
      checked_in_at: now,
      ...place,
      proven: 1,
      created_at: now,
    }),
  )
  ctx.log.info('visit check-in', { visitId: id, enterpriseId: enterprise.id })
  return toVisitView(ctx, user, (await findVisitById(ctx.db, id))!)
}
