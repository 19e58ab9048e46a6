import type { ClaimView, ParsedInput } from '../../contract'
import { loadCoveredEnterprise } from '../../access/enterprise-access'
import { type ActionContext } from '../context'
import { loadPublishedPolicy, readClaim } from './load-claim'

/** claim.status: where an enterprise stands with a policy — an owner's own, or one the staff member covers. */
export async function claimStatus(ctx: ActionContext, input: ParsedInput<'claim.status'>): Promise<ClaimView> {
  const { enterprise } = await loadCoveredEnterprise(ctx, input.enterpriseId)
  const policy = await loadPublishedPolicy(ctx.db, input.policyId)
  return readClaim(ctx.db, policy, enterprise)
}
