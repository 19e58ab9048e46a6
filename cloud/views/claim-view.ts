import type { ClaimView } from '../contract'
import type { HelpEntryState } from '../domain/ledger/help-entry'
import { CLAIM_STAGES, claimStage } from '../domain/policy-claim'

/** What the store gives of one enterprise and its application, if any, for one policy. */
export interface ClaimFacts {
  policyId: string
  enterpriseId: string
  enterpriseName: string
  told: boolean
  claim: { id: string; applied_at: number; help_entry_id: string | null } | undefined
  grant: { state: HelpEntryState; amount: number | null } | undefined
}

export function claimView(facts: ClaimFacts): ClaimView {
  const stage = claimStage(facts.claim, facts.grant?.state ?? null)
  return {
    policyId: facts.policyId,
    enterpriseId: facts.enterpriseId,
    enterpriseName: facts.enterpriseName,
    stage,
    stageLabel: CLAIM_STAGES[stage],
    told: facts.told,
    claimId: facts.claim?.id ?? null,
    appliedAt: facts.claim?.applied_at ?? null,
    grantedAmount: facts.grant?.amount ?? null,
  }
}
