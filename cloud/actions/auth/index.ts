import type { authActions } from '../../contract/auth'
import type { AreaHandlers } from '../handler'
import { devLogin } from './dev-login'
import { getMe } from './get-me'
import { listDevUsers } from './list-dev-users'

/** The auth area's handlers, one per action of cloud/contract/auth.ts: a missing or extra one does not compile. */
export const authHandlers = {
  'auth.devUsers': listDevUsers,
  'auth.devLogin': devLogin,
  'auth.me': getMe,
} satisfies AreaHandlers<typeof authActions>
