import type { EnterpriseDossier, ParsedInput } from '../../contract'
import { badRequest, forbidden } from '../../domain/errors'
import { findDepartmentById } from '../../store/repositories/departments'
import { updateEnterprise } from '../../store/repositories/enterprises'
import { findUsersByIds } from '../../store/repositories/users'
import { ActionContext } from '../context'

import { canManagePlan, loadCoveredEnterprise } from '../../access/enterprise-access'
import { enterpriseDossier } from './enterprise-dossier'
/** enterprise.assign: a leader or admin changes who covers an enterprise. */
export async function assignEnterprise(ctx: ActionContext, input: ParsedInput<'enterprise.assign'>): Promise<EnterpriseDossier> {
  const { user, enterprise } = await loadCoveredEnterprise(ctx, input.enterpriseId)
  if (!canManagePlan(user, enterprise) || user.role === 'dept_head') throw forbidden('只有领导和管理员可以调整包联安排')
  const named = await findUsersByIds(
    ctx.db,
    [input.officerId, input.leaderId].filter((id): id is string => id !== undefined),
  )
  if (input.officerId && named.find((u) => u.id === input.officerId)?.role !== 'officer')
    throw badRequest('「驻企特派员」(officerId)：请选择一名驻企特派员', 'officerId')
  if (input.leaderId && named.find((u) => u.id === input.leaderId)?.role !== 'leader')
    throw badRequest('「包抓领导」(leaderId)：请选择一名包抓领导', 'leaderId')
  if (input.departmentId && !(await findDepartmentById(ctx.db, input.departmentId)))
    throw badRequest('「包抓部门」(departmentId)：没有这个部门', 'departmentId')
  const changes = {
    ...(input.officerId && { officer_id: input.officerId }),
    ...(input.leaderId && { leader_id: input.leaderId }),
    ...(input.departmentId && { department_id: input.departmentId }),
    ...(input.team && { team: input.team }),
  }
  // An update with nothing to set is not SQL at all.
  if (Object.keys(changes).length === 0)
    throw badRequest('「驻企特派员」(officerId)：请至少调整驻企特派员、包抓部门、包抓领导或帮扶团队中的一项', 'officerId')
  await updateEnterprise(ctx.db, enterprise.id, changes)
  ctx.log.info('enterprise assigned', { enterpriseId: enterprise.id, by: user.id })
  return enterpriseDossier(ctx, { enterpriseId: enterprise.id })
}
