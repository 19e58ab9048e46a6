import type { HelpEntryState } from './ledger/help-entry'

/**
 * 政策兑现: where one enterprise stands with one policy. It fits and has not applied (应享未享),
 * applied (已申报), was granted — a help entry waiting for its confirmation (已兑现) — and confirmed
 * receiving it (已确认). The grant is a help-ledger entry, so it counts in the bulletin only once
 * the enterprise confirms it, like any help.
 */
export const CLAIM_STAGES = {
  unclaimed: '应享未享',
  applied: '已申报',
  granted: '已兑现待确认',
  confirmed: '企业已确认',
} as const
export type ClaimStage = keyof typeof CLAIM_STAGES
export const CLAIM_STAGE_IDS = Object.keys(CLAIM_STAGES) as ClaimStage[]

/** The stage of an enterprise with a policy, from its claim (if any) and the grant's help entry (if any). */
export function claimStage(claim: { help_entry_id: string | null } | undefined, grant: HelpEntryState | null): ClaimStage {
  if (!claim) return 'unclaimed'
  if (!claim.help_entry_id) return 'applied'
  return grant === 'confirmed' ? 'confirmed' : 'granted'
}

/** Why a claim cannot be granted now, or null: only an application not yet granted is. */
export function claimGrantProblem(stage: ClaimStage): string | null {
  if (stage === 'unclaimed') return '企业尚未申报这项政策'
  if (stage !== 'applied') return '这项申报已经兑现过了'
  return null
}
