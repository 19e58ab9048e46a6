import type { ActionOutput, ParsedInput } from '../../contract'
import { COMPONENT_LABELS, COMPONENTS, WEIGHTS_SETTING } from '../../domain/assessment'
import { inTransaction } from '../../store/database'
import { saveTownSetting } from '../../store/repositories/town-settings'
import { recordAudit } from '../../workflows/audit'
import { assessmentWeightsOf } from '../../workflows/department-assessment'
import { type ActionContext, requireUser } from '../context'

/** assessment.weights: the weights in force and where they come from. */
export function assessmentWeights(ctx: ActionContext): Promise<ActionOutput<'assessment.weights'>> {
  return assessmentWeightsOf(ctx)
}

/** assessment.saveWeights: the town's weights (summing to 1, checked by the schema), for every score from now on; audited. */
export async function saveAssessmentWeights(
  ctx: ActionContext,
  input: ParsedInput<'assessment.saveWeights'>,
): Promise<ActionOutput<'assessment.saveWeights'>> {
  const admin = requireUser(ctx)
  const now = ctx.clock.now()
  const before = await assessmentWeightsOf(ctx)
  const after = Object.fromEntries(COMPONENTS.map((c) => [c, input.weights[c]]))
  await inTransaction(ctx.db, async (trx) => {
    await saveTownSetting(trx, WEIGHTS_SETTING, JSON.stringify(after), admin.id, now)
    await recordAudit(
      trx,
      admin,
      [
        {
          entity: 'setting',
          entityId: WEIGHTS_SETTING,
          action: 'update',
          summary: `考核权重改为：${COMPONENTS.map((c) => `${COMPONENT_LABELS[c]} ${input.weights[c]}`).join('，')}`,
          before: before.weights,
          after,
        },
      ],
      now,
    )
  })
  return assessmentWeightsOf(ctx)
}
