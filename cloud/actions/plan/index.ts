import type { planActions } from '../../contract/plan'
import type { AreaHandlers } from '../handler'
import { completeMilestone } from './complete-milestone'
import { reportGoal } from './report-goal'
import { saveGoal } from './save-goal'
import { saveMilestone } from './save-milestone'
import { setTeam } from './set-team'

/** The plan area's handlers, one per action of cloud/contract/plan.ts: a missing or extra one does not compile. */
export const planHandlers = {
  'plan.saveMilestone': saveMilestone,
  'plan.completeMilestone': completeMilestone,
  'plan.setTeam': setTeam,
  'plan.saveGoal': saveGoal,
  'plan.reportGoal': reportGoal,
} satisfies AreaHandlers<typeof planActions>
