import type { ActionOutput, ParsedInput } from '../../contract'
import { coversEnterprise } from '../../access/visit-access'
import { badRequest, notFound } from '../../domain/errors'
import { helpAmount } from '../../domain/ledger/help-entry'
import { beijingDay } from '../../domain/visit/calendar'
import { notifyHelpRecorded } from '../../notify/ledger-notifications'
import { newId } from '../../store/ids'
import { findAppealById } from '../../store/repositories/appeals'
import { findEnterpriseById } from '../../store/repositories/enterprises'
import { countOwnUploads, insertHelpEntries, listHelpEntriesOfEvent, type HelpEntryRow } from '../../store/repositories/ledger'
import { helpEntryView } from '../../views/ledger-view'
import { once } from '../../workflows/once'
import { type ActionContext, requireUser } from '../context'

/**
 * help.record: staff record help delivered to the enterprises they cover, one entry per firm tied by
 * one event; each firm's owners are asked to confirm it. Everything is checked before anything is
 * written, so one bad firm records nothing.
 */
export async function recordHelp(ctx: ActionContext, input: ParsedInput<'help.record'>): Promise<ActionOutput<'help.record'>> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const amount = helpAmount(input.kind, input.amount)
  if ('problem' in amount) throw badRequest(`「金额（万元）或人数」(amount)：${amount.problem}`, 'amount')
  if (input.givenOn > beijingDay(now)) throw badRequest('「帮扶日期」(givenOn)：不能晚于今天', 'givenOn')
  const enterprises = await Promise.all(input.enterpriseIds.map((id) => findEnterpriseById(ctx.db, id)))
  for (const enterprise of enterprises)
    // Someone else's enterprise answers like a missing one.
    if (!enterprise || enterprise.deactivated_at !== null || !coversEnterprise(user, enterprise))
      throw notFound('没有这家企业，或它不在您的包联范围内')
  if ((await countOwnUploads(ctx.db, user.id, input.evidence)) !== input.evidence.length)
    throw badRequest('「凭证」(evidence)：凭证不存在或不是您上传的', 'evidence')
  const appeal = input.appealId ? await findAppealById(ctx.db, input.appealId) : undefined
  if (input.appealId && (!appeal || !input.enterpriseIds.includes(appeal.enterprise_id)))
    throw badRequest('「诉求」(appealId)：这件诉求不属于所选企业', 'appealId')

  const eventId = await once(
    ctx.db,
    { userId: user.id, clientRequestId: input.clientRequestId, action: 'help.record', now },
    async (trx) => {
      const event = newId('hev')
      const rows: HelpEntryRow[] = input.enterpriseIds.map((enterpriseId) => ({
        id: newId('help'),
        event_id: event,
        enterprise_id: enterpriseId,
        kind: input.kind,
        amount: amount.value,
        given_on: input.givenOn,
        note: input.note,
        evidence: JSON.stringify(input.evidence),
        appeal_id: appeal?.enterprise_id === enterpriseId ? appeal.id : null,
        state: 'pending',
        recorded_by: user.id,
        recorded_at: now,
        answered_by: null,
        answered_at: null,
        dispute_reason: null,
      }))
      await insertHelpEntries(trx, rows)
      await notifyHelpRecorded(trx, rows, now)
      return event
    },
  )
  const entries = await listHelpEntriesOfEvent(ctx.db, eventId)
  return { eventId, entries: entries.map(helpEntryView) }
}
