import type { HelpEntryView, ParsedInput } from '../../contract'
import { AppError, notFound } from '../../domain/errors'
import { helpAnswerProblem, type HelpAnswer } from '../../domain/ledger/help-entry'
import { notifyHelpDisputed } from '../../notify/ledger-notifications'
import { inTransaction } from '../../store/database'
import { findEnterpriseById } from '../../store/repositories/enterprises'
import { answerHelpEntry, findHelpEntryById, listHelpEntriesOfEvent } from '../../store/repositories/ledger'
import { helpEntryView } from '../../views/ledger-view'
import { type ActionContext, requireUser } from '../context'

/** The enterprise's answer to an entry: only its own owners answer, from the state they saw. */
async function answer(ctx: ActionContext, id: string, move: HelpAnswer, reason: string | null): Promise<HelpEntryView> {
  const user = requireUser(ctx)
  const entry = await findHelpEntryById(ctx.db, id)
  if (!entry || entry.enterprise_id !== user.enterprise_id) throw notFound('没有这条帮扶记录')
  const problem = helpAnswerProblem(entry.state, move)
  if (problem) throw new AppError('CONFLICT', problem)
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (trx) => {
    const state = move === 'confirm' ? 'confirmed' : 'disputed'
    if (!(await answerHelpEntry(trx, entry.id, entry.state, { state, by: user.id, at: now, reason })))
      throw new AppError('CONFLICT', '这条帮扶记录刚刚有了变化，请刷新后再试')
    if (move === 'dispute') {
      const enterprise = await findEnterpriseById(trx, entry.enterprise_id)
      await notifyHelpDisputed(trx, entry, enterprise?.name ?? '', reason ?? '', now)
    }
  })
  const row = (await listHelpEntriesOfEvent(ctx.db, entry.event_id)).find((r) => r.id === entry.id)!
  return helpEntryView(row)
}

/** help.confirm: the enterprise confirms it received the help (确认收到); only now does it count. */
export function confirmHelp(ctx: ActionContext, input: ParsedInput<'help.confirm'>): Promise<HelpEntryView> {
  return answer(ctx, input.id, 'confirm', null)
}

/** help.dispute: the enterprise says the entry is wrong, and why; the recorder is told. */
export function disputeHelp(ctx: ActionContext, input: ParsedInput<'help.dispute'>): Promise<HelpEntryView> {
  return answer(ctx, input.id, 'dispute', input.reason)
}
