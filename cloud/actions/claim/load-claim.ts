import type { ClaimView } from '../../contract'
import { notFound } from '../../domain/errors'
import { isExpired } from '../../domain/policy'
import { beijingDay } from '../../domain/visit/calendar'
import type { Db } from '../../store/database'
import type { EnterpriseRow } from '../../store/repositories/enterprises'
import { findHelpEntryById } from '../../store/repositories/ledger'
import { findClaim, hasReadPolicy } from '../../store/repositories/policy-claims'
import { findPolicyById, type PolicyRow } from '../../store/repositories/policies'
import { claimView } from '../../views/claim-view'

/** A published policy, or 404: drafts and withdrawn policies take no applications. */
export async function loadPublishedPolicy(db: Db, policyId: string): Promise<PolicyRow> {
  const policy = await findPolicyById(db, policyId)
  if (!policy || policy.status !== 'published') throw notFound('这条政策不存在')
  return policy
}

/** Whether the policy still takes applications on the day `now` falls on. */
export const policyOpen = (policy: PolicyRow, now: number) => !isExpired(policy.expires_at, beijingDay(now))

/** The enterprise's standing with the policy, read fresh. */
export async function readClaim(db: Db, policy: PolicyRow, enterprise: EnterpriseRow): Promise<ClaimView> {
  const claim = await findClaim(db, policy.id, enterprise.id)
  const [grant, told] = await Promise.all([
    claim?.help_entry_id ? findHelpEntryById(db, claim.help_entry_id) : undefined,
    hasReadPolicy(db, policy.id, enterprise.id),
  ])
  return claimView({
    policyId: policy.id,
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    told,
    claim,
    grant,
  })
}
