import type { staffActions } from '../../contract/staff'
import type { AreaHandlers } from '../handler'
import { claimStaff } from './claim-staff'
import { handOver } from './handover'
import { addStaff, deactivateStaff, inviteStaff, listStaffMembers, revokeInvitation, updateStaff } from './manage-staff'

/** The staff area's handlers, one per action of cloud/contract/staff.ts: a missing or extra one does not compile. */
export const staffHandlers = {
  'staff.list': listStaffMembers,
  'staff.add': addStaff,
  'staff.update': updateStaff,
  'staff.invite': inviteStaff,
  'staff.revokeInvitation': revokeInvitation,
  'staff.deactivate': deactivateStaff,
  'staff.handover': handOver,
  'staff.claim': claimStaff,
} satisfies AreaHandlers<typeof staffActions>
