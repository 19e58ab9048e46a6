import { z } from 'zod'
import { CLAIM_STAGE_IDS, type ClaimStage } from '../domain/policy-claim'
import { clientRequestId, day, id, text } from './fields'
import { BOUND, type Area, STAFF, returns } from './spec'

export const applyClaimInput = z.strictObject({
  /** One application per form, however often it is submitted (and one per policy and enterprise anyway). */
  clientRequestId,
  policyId: id('政策'),
  /** Staff name the enterprise they cover; an owner applies for their own. */
  enterpriseId: id('企业').optional(),
})

export const grantClaimInput = z.strictObject({
  id: id('申报'),
  /** 万元 granted; recorded in the help ledger as a subsidy for the enterprise to confirm. */
  amount: z.number().gt(0, '兑现金额须大于 0').max(1_000_000, '兑现金额过大').meta({ title: '兑现金额（万元）' }),
  givenOn: day('兑现日期'),
  note: text('兑现情况', 200),
})

export const claimStatusInput = z.strictObject({
  policyId: id('政策'),
  enterpriseId: id('企业').optional(),
})

export const listClaimsInput = z.strictObject({
  policyId: id('政策'),
  stage: z.enum(CLAIM_STAGE_IDS).optional().meta({ title: '兑现阶段' }),
})

/** One enterprise's standing with a policy. */
export interface ClaimView {
  policyId: string
  enterpriseId: string
  enterpriseName: string
  stage: ClaimStage
  stageLabel: string
  /** Someone at the enterprise has read the policy (已获知). */
  told: boolean
  claimId: string | null
  appliedAt: number | null
  /** Yuan granted (the help entry's amount), once granted. */
  grantedAmount: number | null
}

/** 政策兑现 of one policy across the enterprises a staff member covers. */
export interface ClaimList {
  counts: Record<ClaimStage, number>
  /** Those in the asked stage (all when none is asked), by name; at most 200. */
  items: (ClaimView & { park: string; officerName: string | null })[]
}

/** 政策兑现：申报、兑现、应享未享 */
export const claimActions = {
  'claim.apply': {
    summary: '记录企业已申报一项政策（企业自己申报，或包联的工作人员代为记录）；包联特派员收到提醒',
    access: ['owner', ...STAFF],
    input: applyClaimInput,
    output: returns<ClaimView>(),
  },
  'claim.grant': {
    summary: '记录政策已兑现的金额：记入帮扶台账，待企业确认收到',
    access: STAFF,
    input: grantClaimInput,
    output: returns<ClaimView>(),
  },
  'claim.status': {
    summary: '一家企业在一项政策上的兑现阶段（企业看自己的）',
    access: BOUND,
    input: claimStatusInput,
    output: returns<ClaimView>(),
  },
  'claim.list': {
    summary: '一项政策在包联范围内的兑现情况：各阶段数量，应享未享的企业名单',
    access: STAFF,
    input: listClaimsInput,
    output: returns<ClaimList>(),
  },
} satisfies Area<'claim'>
