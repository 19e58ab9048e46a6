import type { meActions } from '../../contract/me'
import type { AreaHandlers } from '../handler'
import { deleteAccount, myData, updateProfile } from './my-data'

/** The me area's handlers, one per action of cloud/contract/me.ts: a missing or extra one does not compile. */
export const meHandlers = {
  'me.data': myData,
  'me.update': updateProfile,
  'me.delete': deleteAccount,
} satisfies AreaHandlers<typeof meActions>
