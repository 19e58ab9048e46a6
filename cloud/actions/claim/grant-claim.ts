import type { ClaimView, ParsedInput } from '../../contract'
import { AppError, badRequest, notFound } from '../../domain/errors'
import { helpAmount } from '../../domain/ledger/help-entry'
import { claimGrantProblem, claimStage } from '../../domain/policy-claim'
import { beijingDay } from '../../domain/visit/calendar'
import { notifyHelpRecorded } from '../../notify/ledger-notifications'
import { inTransaction } from '../../store/database'
import { newId } from '../../store/ids'
import { insertHelpEntries, type HelpEntryRow } from '../../store/repositories/ledger'
import { findClaimById, markClaimGranted } from '../../store/repositories/policy-claims'
import { findPolicyById } from '../../store/repositories/policies'
import { loadCoveredEnterprise } from '../../access/enterprise-access'
import { type ActionContext } from '../context'
import { readClaim } from './load-claim'

/**
 * claim.grant: staff covering the enterprise record what the policy paid. The grant is a subsidy in
 * the help ledger, in the same transaction, so the owner confirms it (确认收到) as any help and only
 * then does it count. A claim is granted once.
 */
export async function grantClaim(ctx: ActionContext, input: ParsedInput<'claim.grant'>): Promise<ClaimView> {
  const claim = await findClaimById(ctx.db, input.id)
  if (!claim) throw notFound('没有这项申报')
  // Someone else's enterprise's application answers like a missing one (loadCoveredEnterprise's 404).
  const { user, enterprise } = await loadCoveredEnterprise(ctx, claim.enterprise_id)
  const problem = claimGrantProblem(claimStage(claim, null))
  if (problem) throw new AppError('CONFLICT', problem)
  const now = ctx.clock.now()
  if (input.givenOn > beijingDay(now)) throw badRequest('「兑现日期」(givenOn)：不能晚于今天', 'givenOn')
  const amount = helpAmount('subsidy', input.amount)
  if ('problem' in amount) throw badRequest(`「兑现金额（万元）」(amount)：${amount.problem}`, 'amount')
  const policy = (await findPolicyById(ctx.db, claim.policy_id))!
  await inTransaction(ctx.db, async (trx) => {
    const entry: HelpEntryRow = {
      id: newId('help'),
      event_id: newId('hev'),
      enterprise_id: enterprise.id,
      kind: 'subsidy',
      amount: amount.value,
      given_on: input.givenOn,
      note: `兑现政策「${policy.title}」：${input.note}`,
      evidence: '[]',
      appeal_id: null,
      state: 'pending',
      recorded_by: user.id,
      recorded_at: now,
      answered_by: null,
      answered_at: null,
      dispute_reason: null,
    }
    await insertHelpEntries(trx, [entry])
    if (!(await markClaimGranted(trx, claim.id, { helpEntryId: entry.id, by: user.id, at: now })))
      throw new AppError('CONFLICT', '这项申报刚刚已经兑现，请刷新后查看')
    await notifyHelpRecorded(trx, [entry], now)
  })
  return readClaim(ctx.db, policy, enterprise)
}
