import type { AppealDetail, ParsedInput } from '../../contract'
import { badRequest } from '../../domain/errors'
import { findDepartmentById } from '../../store/repositories/departments'
import { ActionContext } from '../context'
import { transitionAppeal } from '../../workflows/appeal-transition'

/**
 * appeal.transfer (转办): the handler sends the appeal to the department that should answer it.
 * It then has no handler until that department's head assigns one; its deadline keeps running.
 */
export async function transferAppeal(ctx: ActionContext, input: ParsedInput<'appeal.transfer'>): Promise<AppealDetail> {
  const department = await findDepartmentById(ctx.db, input.departmentId)
  if (!department) throw badRequest('「转办部门」(departmentId)：没有这个部门', 'departmentId')
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'transfer',
    note: `转办至${department.name}：${input.reason}`,
    data: { departmentId: department.id, reason: input.reason },
    changes: (appeal) => {
      if (appeal.department_id === department.id) throw badRequest('「转办部门」(departmentId)：诉求已在该部门', 'departmentId')
      return { department_id: department.id, handler_id: null }
    },
  })
}
