import type { enterpriseActions } from '../../contract/enterprise'
import type { AreaHandlers } from '../handler'
import { assignEnterprise } from './assign-enterprise'
import { bindEnterprise } from './bind-enterprise'
import { enterpriseCheckinCode } from './checkin-code'
import { enterpriseDossier } from './enterprise-dossier'
import { decideOwner, enterpriseOwners, issueBindingCode, removeOwner, revokeBindingCode } from './owners'

/** The enterprise area's handlers, one per action of cloud/contract/enterprise.ts: a missing or extra one does not compile. */
export const enterpriseHandlers = {
  'enterprise.bind': bindEnterprise,
  'enterprise.issueBindingCode': issueBindingCode,
  'enterprise.revokeBindingCode': revokeBindingCode,
  'enterprise.owners': enterpriseOwners,
  'enterprise.decideOwner': decideOwner,
  'enterprise.removeOwner': removeOwner,
  'enterprise.dossier': enterpriseDossier,
  'enterprise.checkinCode': enterpriseCheckinCode,
  'enterprise.assign': assignEnterprise,
} satisfies AreaHandlers<typeof enterpriseActions>
