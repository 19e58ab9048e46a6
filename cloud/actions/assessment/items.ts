import type { AssessmentItems, ParsedInput } from '../../contract'
import { COMPONENT_LABELS } from '../../domain/assessment'
import { badRequest } from '../../domain/errors'
import { findDepartmentById } from '../../store/repositories/departments'
import { departmentTallies } from '../../workflows/department-assessment'
import { type ActionContext } from '../context'

/**
 * assessment.items: what one figure of a department's assessment counted, each named, done or not,
 * from the same tallies the score uses, so the list and the figure agree. The appeal rates are
 * listed by bulletin.appeals instead.
 */
export async function assessmentItems(ctx: ActionContext, input: ParsedInput<'assessment.items'>): Promise<AssessmentItems> {
  const department = await findDepartmentById(ctx.db, input.departmentId)
  if (!department) throw badRequest('「部门」(departmentId)：没有这个部门', 'departmentId')
  const tally = (await departmentTallies(ctx, input.period, ctx.clock.now())).get(department.id)?.[input.component]
  return {
    period: input.period,
    departmentName: department.name,
    component: input.component,
    label: COMPONENT_LABELS[input.component],
    done: tally?.done ?? 0,
    due: tally?.due ?? 0,
    items: tally?.items ?? [],
  }
}
