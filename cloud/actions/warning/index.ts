import type { warningActions } from '../../contract/warning'
import type { AreaHandlers } from '../handler'
import { closeWarning } from './close-warning'
import { listWarnings } from './list-warnings'

/** The warning area's handlers, one per action of cloud/contract/warning.ts. */
export const warningHandlers = {
  'warning.list': listWarnings,
  'warning.close': closeWarning,
} satisfies AreaHandlers<typeof warningActions>
