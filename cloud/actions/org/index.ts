import type { orgActions } from '../../contract/org'
import type { AreaHandlers } from '../handler'
import { getDirectory } from './get-directory'
import { listAudit, listDepartmentViews, listRouting, orgSettings, saveDepartment, saveRouting, saveVisitFrequency } from './organisation'

/** The org area's handlers, one per action of cloud/contract/org.ts: a missing or extra one does not compile. */
export const orgHandlers = {
  'org.directory': getDirectory,
  'org.departments': listDepartmentViews,
  'org.saveDepartment': saveDepartment,
  'org.routing': listRouting,
  'org.saveRouting': saveRouting,
  'org.settings': orgSettings,
  'org.saveVisitFrequency': saveVisitFrequency,
  'org.audit': listAudit,
} satisfies AreaHandlers<typeof orgActions>
