import type { serviceActions } from '../../contract/service'
import type { AreaHandlers } from '../handler'
import { getService, listServices } from './services'

/** The service area's handlers, one per action of cloud/contract/service.ts: a missing or extra one does not compile. */
export const serviceHandlers = {
  'service.list': listServices,
  'service.get': getService,
} satisfies AreaHandlers<typeof serviceActions>
