import type { orgActions } from '../../contract/org'
import type { AreaHandlers } from '../handler'
import { getDirectory } from './get-directory'

/** The org area's handlers, one per action of cloud/contract/org.ts: a missing or extra one does not compile. */
export const orgHandlers = {
  'org.directory': getDirectory,
} satisfies AreaHandlers<typeof orgActions>
