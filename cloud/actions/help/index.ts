import type { helpActions } from '../../contract/help'
import type { AreaHandlers } from '../handler'
import { confirmHelp, disputeHelp } from './answer-help'
import { listHelp } from './list-help'
import { recordHelp } from './record-help'

/** The help ledger's handlers, one per action of cloud/contract/help.ts. */
export const helpHandlers = {
  'help.record': recordHelp,
  'help.list': listHelp,
  'help.confirm': confirmHelp,
  'help.dispute': disputeHelp,
} satisfies AreaHandlers<typeof helpActions>
