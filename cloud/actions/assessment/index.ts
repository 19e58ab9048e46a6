import type { assessmentActions } from '../../contract/assessment'
import type { AreaHandlers } from '../handler'
import { assessmentItems } from './items'
import { assessmentWeights, saveAssessmentWeights } from './weights'

/** The assessment's configuration and drill, one handler per action of cloud/contract/assessment.ts. */
export const assessmentHandlers = {
  'assessment.weights': assessmentWeights,
  'assessment.saveWeights': saveAssessmentWeights,
  'assessment.items': assessmentItems,
} satisfies AreaHandlers<typeof assessmentActions>
