import type { claimActions } from '../../contract/claim'
import type { AreaHandlers } from '../handler'
import { applyClaim } from './apply-claim'
import { claimStatus } from './claim-status'
import { grantClaim } from './grant-claim'
import { listClaims } from './list-claims'

/** 政策兑现's handlers, one per action of cloud/contract/claim.ts. */
export const claimHandlers = {
  'claim.apply': applyClaim,
  'claim.grant': grantClaim,
  'claim.status': claimStatus,
  'claim.list': listClaims,
} satisfies AreaHandlers<typeof claimActions>
