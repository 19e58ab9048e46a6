import type { messageActions } from '../../contract/message'
import type { AreaHandlers } from '../handler'
import { listMyMessages, readMessages } from './messages'

/** The message area's handlers, one per action of cloud/contract/message.ts: a missing or extra one does not compile. */
export const messageHandlers = {
  'message.list': listMyMessages,
  'message.read': readMessages,
} satisfies AreaHandlers<typeof messageActions>
