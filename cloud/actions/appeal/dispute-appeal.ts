import type { AppealDetail, ParsedInput } from '../../contract'
import { redispatchDeadlines } from '../../domain/appeal/deadlines'
import { badRequest } from '../../domain/errors'
import { findDepartmentById } from '../../store/repositories/departments'
import { findOfficerInDepartment } from '../../store/repositories/users'
import { ActionContext } from '../context'
import { transitionAppeal } from '../../workflows/appeal-transition'

/**
 * appeal.dispute (派单异议): the department it was dispatched to says it is not theirs, with the
 * reason. It waits for a leader or admin, its deadline running and supervision with it.
 */
export function disputeAppeal(ctx: ActionContext, input: ParsedInput<'appeal.dispute'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'dispute',
    note: input.reason,
    data: (appeal) => ({ departmentId: appeal.department_id, reason: input.reason }),
    changes: (appeal) => ({ dispute_count: appeal.dispute_count + 1 }),
  })
}

/**
 * appeal.redispatch (改派): a leader or admin settles the dispute by sending the appeal to the
 * department that should answer it (or back, if the dispute does not hold), optionally to one of
 * its officers. It starts again as submitted, with the full time to accept and to close.
 */
export async function redispatchAppeal(ctx: ActionContext, input: ParsedInput<'appeal.redispatch'>): Promise<AppealDetail> {
  const department = await findDepartmentById(ctx.db, input.departmentId)
  if (!department) throw badRequest('「改派部门」(departmentId)：没有这个部门', 'departmentId')
  const officer = input.officerId ? await findOfficerInDepartment(ctx.db, input.officerId, department.id) : null
  if (input.officerId && !officer) throw badRequest(`「承办人」(officerId)：${department.name}没有这位驻企特派员`, 'officerId')
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'redispatch',
    note: [`改派至${department.name}${officer ? `（${officer.name}）` : ''}`, input.note].filter(Boolean).join('：'),
    data: { departmentId: department.id, officerId: officer?.id ?? null },
    changes: (_appeal, _to, now) => {
      const deadlines = redispatchDeadlines(now, ctx.deadlines)
      return {
        department_id: department.id,
        handler_id: officer?.id ?? null,
        accept_due_at: deadlines.acceptDueAt,
        close_due_at: deadlines.closeDueAt,
        accepted_at: null,
      }
    },
  })
}
