import type { bulletinActions } from '../../contract/bulletin'
import type { AreaHandlers } from '../handler'
import { answerDepartmentPress } from './answer-press'
import { departmentAssessment } from './assessment'
import { monthlyBreakdown } from './breakdown'
import { drillDown } from './drill-down'
import { exportBulletin } from './export-bulletin'
import { leaderDashboard } from './leader-dashboard'
import { monthlyBulletin } from './monthly-bulletin'
import { pressDepartment } from './press-department'

/** The bulletin area's handlers, one per action of cloud/contract/bulletin.ts: a missing or extra one does not compile. */
export const bulletinHandlers = {
  'bulletin.month': monthlyBulletin,
  'bulletin.dashboard': leaderDashboard,
  'bulletin.appeals': drillDown,
  'bulletin.breakdown': monthlyBreakdown,
  'bulletin.export': exportBulletin,
  'bulletin.press': pressDepartment,
  'bulletin.answerPress': answerDepartmentPress,
  'bulletin.assessment': departmentAssessment,
} satisfies AreaHandlers<typeof bulletinActions>
