import type { ClaimList, ParsedInput } from '../../contract'
import { CLAIM_STAGE_IDS, type ClaimStage } from '../../domain/policy-claim'
import { listClaimCandidates } from '../../store/repositories/policy-claims'
import { enterpriseScope } from '../../access/enterprise-access'
import { claimView } from '../../views/claim-view'
import { type ActionContext } from '../context'
import { loadPublishedPolicy } from './load-claim'

/** How many enterprises one list shows: a round of calls and visits, not the county. */
const LISTED = 200

/**
 * claim.list (政策兑现): of the enterprises a staff member covers that fit the policy or applied for
 * it, how many stand at each stage, and who — 应享未享 first of all, for officers to follow up.
 */
export async function listClaims(ctx: ActionContext, input: ParsedInput<'claim.list'>): Promise<ClaimList> {
  const policy = await loadPublishedPolicy(ctx.db, input.policyId)
  const scope = await enterpriseScope(ctx, undefined)
  const rows = await listClaimCandidates(ctx.db, policy, scope)
  const views = rows.map((row) => ({
    ...claimView({
      policyId: policy.id,
      enterpriseId: row.id,
      enterpriseName: row.name,
      told: Boolean(row.told),
      claim: row.claim_id ? { id: row.claim_id, applied_at: Number(row.applied_at), help_entry_id: row.help_entry_id } : undefined,
      grant: row.grant_state ? { state: row.grant_state, amount: row.grant_amount === null ? null : Number(row.grant_amount) } : undefined,
    }),
    park: row.park,
    officerName: row.officer_name,
  }))
  const counts = Object.fromEntries(CLAIM_STAGE_IDS.map((stage) => [stage, 0])) as Record<ClaimStage, number>
  for (const view of views) counts[view.stage]++
  return { counts, items: views.filter((v) => !input.stage || v.stage === input.stage).slice(0, LISTED) }
}
