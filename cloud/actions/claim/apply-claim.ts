import type { ClaimView, ParsedInput } from '../../contract'
import { badRequest } from '../../domain/errors'
import { notifyClaimApplied } from '../../notify/ledger-notifications'
import { newId } from '../../store/ids'
import { insertClaim } from '../../store/repositories/policy-claims'
import { loadCoveredEnterprise } from '../../access/enterprise-access'
import { once } from '../../workflows/once'
import { type ActionContext } from '../context'
import { loadPublishedPolicy, policyOpen, readClaim } from './load-claim'

/**
 * claim.apply: the enterprise applied for a policy — said by its owner, or recorded by staff who
 * cover it. One application per policy and enterprise: applying again answers the first. When the
 * owner applies, the covering officer is told, so the grant is followed up.
 */
export async function applyClaim(ctx: ActionContext, input: ParsedInput<'claim.apply'>): Promise<ClaimView> {
  const { user, enterprise } = await loadCoveredEnterprise(ctx, input.enterpriseId)
  const policy = await loadPublishedPolicy(ctx.db, input.policyId)
  const now = ctx.clock.now()
  if (!policyOpen(policy, now)) throw badRequest('「政策」(policyId)：这项政策已过期，不再受理申报', 'policyId')
  await once(ctx.db, { userId: user.id, clientRequestId: input.clientRequestId, action: 'claim.apply', now }, async (trx) => {
    const id = newId('clm')
    const fresh = await insertClaim(trx, {
      id,
      policy_id: policy.id,
      enterprise_id: enterprise.id,
      applied_by: user.id,
      applied_at: now,
      help_entry_id: null,
      granted_by: null,
      granted_at: null,
    })
    if (fresh && user.role === 'owner') await notifyClaimApplied(trx, { id, policy, enterprise }, now)
    return id
  })
  return readClaim(ctx.db, policy, enterprise)
}
