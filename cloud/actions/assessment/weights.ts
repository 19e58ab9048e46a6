import type { ActionOutput, ParsedInput } from '../../contract'
import { COMPONENT_LABELS, COMPONENTS, WEIGHTS_SETTING } from '../../domain/assessment'
import { saveAuditedSetting } from '../../workflows/audit'
import { assessmentWeightsOf } from '../../workflows/department-assessment'
import { type ActionContext, requireUser } from '../context'

/** assessment.weights: the weights in force and where they come from. */
export function assessmentWeights(ctx: ActionContext): Promise<ActionOutput<'assessment.weights'>> {
  return assessmentWeightsOf(ctx)
}

/** assessment.saveWeights: the town's weights (summing to 1, checked by the schema), for every score from now on; audited when changed. */
export async function saveAssessmentWeights(
  ctx: ActionContext,
  input: ParsedInput<'assessment.saveWeights'>,
): Promise<ActionOutput<'assessment.saveWeights'>> {
  const admin = requireUser(ctx)
  const now = ctx.clock.now()
  const before = await assessmentWeightsOf(ctx)
  const after = Object.fromEntries(COMPONENTS.map((c) => [c, input.weights[c]]))
  await saveAuditedSetting(
    ctx.db,
    admin,
    {
      key: WEIGHTS_SETTING,
      before: before.weights,
      after,
      summary: `考核权重改为：${COMPONENTS.map((c) => `${COMPONENT_LABELS[c]} ${input.weights[c]}`).join('，')}`,
    },
    now,
  )
  return assessmentWeightsOf(ctx)
}
