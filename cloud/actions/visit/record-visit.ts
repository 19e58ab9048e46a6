import { DAY } from '../../domain/time-units'
import type { ParsedInput, VisitRecordView, VisitView } from '../../contract'
import { AppError, badRequest, forbidden, notFound } from '../../domain/errors'
import { newId } from '../../store/ids'
import { beijingDay, halfOf } from '../../domain/visit/calendar'
import { nextVisitState, VISIT_STATE_LABELS, type VisitState } from '../../domain/visit/rules'
import { findEnterpriseById } from '../../store/repositories/enterprises'
import { findFirstOwner } from '../../store/repositories/users'
import { findVisitById, insertVisit, newVisitRow, updateVisitIfVersion, type VisitRow } from '../../store/repositories/visits'
import { once } from '../../workflows/once'
import { submitAppeal } from '../../workflows/submit-appeal'
import { ActionContext, requireUser } from '../context'
import { coversEnterprise, loadVisibleVisit } from '../../access/visit-access'
import { notifyVisitEvent } from '../../notify/visit-notifications'
import { toVisitView } from '../../views/visit-view'

/** How far back a visit can be recorded: a week's round written up at its end. */
const RECORD_WITHIN_MS = 14 * DAY

/**
 * visit.record (走访记录): the visitor writes what they found, either for a booked or checked-in
 * visit, or for a proactive one. Each problem found becomes an appeal filed on the enterprise's
 * behalf (source 'visit'), in the same transaction as the record and the owner's message.
 */
export async function recordVisit(ctx: ActionContext, input: ParsedInput<'visit.record'>): Promise<VisitView> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const visitedAt = input.visitedAt ?? now
  if (visitedAt > now + 60_000) throw badRequest('「走访时间」(visitedAt)：不能晚于现在', 'visitedAt')
  if (visitedAt < now - RECORD_WITHIN_MS) throw badRequest('「走访时间」(visitedAt)：只能补记 14 天内的走访', 'visitedAt')

  let existing: VisitRow | null = null
  if (input.id) {
    const { visit, party } = await loadVisibleVisit(ctx.db, user, input.id)
    if (party !== 'host') throw forbidden('只有走访人可以填写走访记录')
    if (!nextVisitState({ state: visit.state as VisitState, ownerConfirmedAt: visit.owner_confirmed_at }, 'host', 'record')) {
      throw new AppError('CONFLICT', `这次走访${VISIT_STATE_LABELS[visit.state as VisitState]}，不能填写记录`)
    }
    if (visit.version !== input.version) throw new AppError('CONFLICT', '这次走访已被更新，请刷新后再填写')
    existing = visit
  }
  const enterprise = await findEnterpriseById(ctx.db, existing?.enterprise_id ?? input.enterpriseId!)
  if (!enterprise) throw notFound('没有这家企业')
  if (!existing && !coversEnterprise(user, enterprise)) throw forbidden(`${enterprise.name}不在您的包联范围内`)
  const owner = await findFirstOwner(ctx.db, enterprise.id)

  // Once per request: two identical submits at once make one visit and one set of appeals.
  const request = { userId: user.id, clientRequestId: input.clientRequestId, action: 'visit.record', now }
  const id = await once(ctx.db, request, async (trx) => {
    const id = existing?.id ?? newId('vis')
    const appeals: VisitRecordView['appeals'] = []
    for (const [index, problem] of input.problems.entries()) {
      const appealId = await submitAppeal(
        trx,
        {
          enterprise,
          createdBy: user,
          clientRequestId: `${id}-p${index + 1}`,
          source: 'visit',
          category: problem.category,
          title: problem.title,
          description: problem.description,
          urgency: 'normal',
          contactName: owner?.name ?? enterprise.legal_person,
          contactPhone: owner?.phone ?? '',
          moderation: 'pass',
          origin: { visitId: id },
        },
        now,
        ctx.deadlines,
      )
      appeals.push({ id: appealId, title: problem.title })
    }
    const record: VisitRecordView = { participants: input.participants, situation: input.situation, asks: input.asks, appeals }
    const written = {
      state: 'done',
      held_slot: null,
      visited_at: existing?.checked_in_at ?? visitedAt,
      record: JSON.stringify(record),
      internal_note: input.internalNote,
      updated_at: now,
    }
    if (existing) {
      if (!(await updateVisitIfVersion(trx, existing.id, existing.version, { ...written, topic: input.topic || existing.topic })))
        throw new AppError('CONFLICT', '这次走访已被更新，请刷新后再填写')
    } else {
      // Not checked in: it counts once the owner confirms it took place.
      await insertVisit(
        trx,
        newVisitRow({
          id,
          enterprise_id: enterprise.id,
          host_id: user.id,
          host_role: user.role,
          kind: 'visit',
          origin: 'proactive',
          topic: input.topic || '主动走访',
          day: beijingDay(visitedAt),
          half: halfOf(visitedAt),
          created_at: now,
          ...written,
        }),
      )
    }
    const saved = (await findVisitById(trx, id))!
    await notifyVisitEvent(trx, saved, 'record', { id: user.id, party: 'host' }, saved.proven ? '' : '请在小程序中确认这次走访', now)
    return id
  })
  ctx.log.info('visit recorded', { visitId: id, appeals: input.problems.length })
  return toVisitView(ctx, user, (await findVisitById(ctx.db, id))!)
}
