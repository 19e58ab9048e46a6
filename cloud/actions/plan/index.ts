import type { planActions } from '../../contract/plan'
import type { AreaHandlers } from '../handler'
import { completeMilestone } from './complete-milestone'
import { saveMilestone } from './save-milestone'

/** The plan area's handlers, one per action of cloud/contract/plan.ts: a missing or extra one does not compile. */
export const planHandlers = {
  'plan.saveMilestone': saveMilestone,
  'plan.completeMilestone': completeMilestone,
} satisfies AreaHandlers<typeof planActions>
