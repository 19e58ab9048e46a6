import type { Assessment, AssessmentComponentView, ParsedInput } from '../../contract'
import {
  assessmentPeriod,
  COMPONENT_COUNTS,
  COMPONENT_LABELS,
  gradeOf,
  rankByScore,
  scoreTallies,
  type Component,
} from '../../domain/assessment'
import { listDepartments } from '../../store/repositories/departments'
import { assessmentWeightsOf, departmentTallies, talliesOf } from '../../workflows/department-assessment'
import { ActionContext } from '../context'

const DRILL = '/packageLeader/pages/drill/index'
/** The appeal rates open the bulletin's drill on what their numerator counts; the rest open the assessment's own list. */
const APPEAL_MEASURES: Partial<Record<Component, string>> = {
  responseRate: 'respondedOnTime',
  onTimeRate: 'resolvedOnTime',
  satisfactionRate: 'satisfied',
}
function linkOf(component: Component, period: string, departmentId: string): string {
  const measure = APPEAL_MEASURES[component]
  const title = encodeURIComponent(COMPONENT_LABELS[component])
  return measure
    ? `${DRILL}?period=${period}&measure=${measure}&departmentId=${departmentId}&title=${title}`
    : `/packageLeader/pages/assessment-items/index?period=${period}&departmentId=${departmentId}&component=${component}`
}

/**
 * bulletin.assessment: a quarter's inspection (一季一督查) or a year's assessment (年终一考核) of the
 * departments, each scored on its components (domain/assessment) with the weights in force, ranked
 * and graded; each component carries its counts and the page that lists them.
 */
export async function departmentAssessment(ctx: ActionContext, input: ParsedInput<'bulletin.assessment'>): Promise<Assessment> {
  const { weights, source } = await assessmentWeightsOf(ctx)
  const period = assessmentPeriod(input.period)
  const [tallies, departments] = await Promise.all([departmentTallies(ctx, input.period, ctx.clock.now()), listDepartments(ctx.db)])
  const rows = departments.map((d) => {
    const own = talliesOf(tallies.get(d.id))
    const received = tallies.get(d.id)?.received ?? 0
    const { score, components } = scoreTallies(own, weights)
    const rate = (c: Component) => components.find((x) => x.component === c)!.rate
    return {
      departmentId: d.id,
      name: d.name,
      received,
      responseRate: rate('responseRate'),
      onTimeRate: rate('onTimeRate'),
      satisfactionRate: rate('satisfactionRate'),
      score,
      grade: gradeOf(score),
      counted: received,
      components: components.map((c): AssessmentComponentView => ({
        ...c,
        label: COMPONENT_LABELS[c.component],
        counts: COMPONENT_COUNTS[c.component],
        link: linkOf(c.component, input.period, d.id),
      })),
    }
  })
  return {
    period: input.period,
    label: period.label,
    weights: { ...weights },
    weightsSource: source,
    departments: rankByScore(rows).map(({ counted: _counted, ...row }) => row),
  }
}
