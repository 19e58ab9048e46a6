import type { visitActions } from '../../contract/visit'
import type { AreaHandlers } from '../handler'
import { bookVisit } from './book-visit'
import { checkInVisit } from './check-in-visit'
import { getVisit, listMyVisits } from './list-visits'
import { attestVisit, cancelVisit, confirmVisit, declineVisit, rescheduleVisit } from './move-visit'
import { recordVisit } from './record-visit'
import { visitCompliance } from './visit-compliance'
import { setAvailability, visitSlots } from './visit-slots'

/** The visit area's handlers, one per action of cloud/contract/visit.ts: a missing or extra one does not compile. */
export const visitHandlers = {
  'visit.slots': visitSlots,
  'visit.setAvailability': setAvailability,
  'visit.book': bookVisit,
  'visit.confirm': confirmVisit,
  'visit.reschedule': rescheduleVisit,
  'visit.decline': declineVisit,
  'visit.cancel': cancelVisit,
  'visit.checkIn': checkInVisit,
  'visit.record': recordVisit,
  'visit.attest': attestVisit,
  'visit.listMine': listMyVisits,
  'visit.get': getVisit,
  'visit.compliance': visitCompliance,
} satisfies AreaHandlers<typeof visitActions>
