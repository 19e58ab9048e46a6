import type { EnterpriseDossier, ParsedInput } from '../../contract'
import { badRequest, forbidden } from '../../domain/errors'
import { inTransaction } from '../../store/database'
import { findDepartmentById } from '../../store/repositories/departments'
import { updateEnterprise } from '../../store/repositories/enterprises'
import { findUsersByIds } from '../../store/repositories/users'
import { changedFields, recordAudit } from '../../workflows/audit'
import { moveWork } from '../../workflows/handover'
import { ActionContext } from '../context'

import { canManagePlan, loadCoveredEnterprise } from '../../access/enterprise-access'
import { enterpriseDossier } from './enterprise-dossier'
/**
 * enterprise.assign: a leader or admin changes who covers an enterprise. A new officer takes over as
 * a handover does (the open appeals and visits ahead the previous one held for it go too); every
 * change is in the audit log.
 */
export async function assignEnterprise(ctx: ActionContext, input: ParsedInput<'enterprise.assign'>): Promise<EnterpriseDossier> {
  const { user, enterprise } = await loadCoveredEnterprise(ctx, input.enterpriseId)
  if (!canManagePlan(user, enterprise) || user.role === 'dept_head') throw forbidden('只有领导和管理员可以调整包联安排')
  const named = await findUsersByIds(
    ctx.db,
    [input.officerId, input.leaderId].filter((id): id is string => id !== undefined),
  )
  const officer = named.find((u) => u.id === input.officerId)
  if (input.officerId && (officer?.role !== 'officer' || officer.deactivated_at !== null))
    throw badRequest('「驻企特派员」(officerId)：请选择一名驻企特派员', 'officerId')
  const leader = named.find((u) => u.id === input.leaderId)
  if (input.leaderId && (leader?.role !== 'leader' || leader.deactivated_at !== null))
    throw badRequest('「包抓领导」(leaderId)：请选择一名包抓领导', 'leaderId')
  if (input.departmentId && !(await findDepartmentById(ctx.db, input.departmentId)))
    throw badRequest('「包抓部门」(departmentId)：没有这个部门', 'departmentId')
  const changes = {
    ...(input.leaderId && { leader_id: input.leaderId }),
    ...(input.departmentId && { department_id: input.departmentId }),
    ...(input.team && { team: input.team }),
  }
  // An update with nothing to set is not SQL at all.
  if (Object.keys(changes).length === 0 && !officer)
    throw badRequest('「驻企特派员」(officerId)：请至少调整驻企特派员、包抓部门、包抓领导或帮扶团队中的一项', 'officerId')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (trx) => {
    const diff = changedFields(enterprise, changes)
    if (diff) {
      await updateEnterprise(trx, enterprise.id, changes)
      await recordAudit(
        trx,
        user,
        [{ entity: 'enterprise', entityId: enterprise.id, action: 'update', summary: `调整「${enterprise.name}」的包联安排`, ...diff }],
        now,
      )
    }
    if (officer && officer.id !== enterprise.officer_id)
      await moveWork(trx, user, { successor: officer, enterprises: [{ ...enterprise, ...changes }], reason: '调整包联' }, now)
  })
  ctx.log.info('enterprise assigned', { enterpriseId: enterprise.id, by: user.id })
  return enterpriseDossier(ctx, { enterpriseId: enterprise.id })
}
