import type { rosterActions } from '../../contract/roster'
import type { AreaHandlers } from '../handler'
import { assignRoster, listRosterPage, saveEnterprise, setEnterpriseActive } from './manage-roster'
import { exportRoster, importRoster, rosterTemplate } from './roster-workbook'

/** The roster area's handlers, one per action of cloud/contract/roster.ts: a missing or extra one does not compile. */
export const rosterHandlers = {
  'roster.list': listRosterPage,
  'roster.save': saveEnterprise,
  'roster.setActive': setEnterpriseActive,
  'roster.template': rosterTemplate,
  'roster.import': importRoster,
  'roster.export': exportRoster,
  'roster.assign': assignRoster,
} satisfies AreaHandlers<typeof rosterActions>
