import { badRequest, notFound } from '../domain/errors'
import { findEnterpriseById, type EnterpriseRow } from '../store/repositories/enterprises'
import type { EnterpriseScope } from '../store/repositories/ledger'
import { type UserRow } from '../store/repositories/users'
import { ActionContext, requireUser } from '../actions/context'
import { coversEnterprise } from './visit-access'

/** Leaders and admins keep the assignments (五个一) and the plan; the enterprise's department head keeps its plan too. */
export function canManagePlan(user: UserRow, enterprise: EnterpriseRow): boolean {
  return user.role === 'admin' || user.role === 'leader' || (user.role === 'dept_head' && user.department_id === enterprise.department_id)
}

export async function loadCoveredEnterprise(
  ctx: ActionContext,
  enterpriseId: string | undefined,
): Promise<{ user: UserRow; enterprise: EnterpriseRow }> {
  const user = requireUser(ctx)
  // An owner's file is their own enterprise's; staff name the enterprise.
  const id = user.role === 'owner' ? (enterpriseId ?? user.enterprise_id) : enterpriseId
  if (!id) throw badRequest('「企业」(enterpriseId)：请指明企业', 'enterpriseId')
  const enterprise = await findEnterpriseById(ctx.db, id)
  // Someone else's enterprise answers like a missing one.
  const mine = enterprise !== undefined && (user.role === 'owner' ? id === user.enterprise_id : coversEnterprise(user, enterprise))
  if (!enterprise || !mine) throw notFound('没有这家企业，或它不在您的包联范围内')
  return { user, enterprise }
}

/**
 * The enterprises a caller's lists reach: an owner's own; for staff, one they cover when they name
 * it, else all they cover (an officer's, a head's department's, the town for leaders and admins).
 */
export async function enterpriseScope(ctx: ActionContext, enterpriseId: string | undefined): Promise<EnterpriseScope> {
  const user = requireUser(ctx)
  if (user.role === 'owner' || enterpriseId) return { enterpriseId: (await loadCoveredEnterprise(ctx, enterpriseId)).enterprise.id }
  if (user.role === 'officer') return { officerId: user.id }
  // A head with no department covers nothing: an id no enterprise has.
  if (user.role === 'dept_head') return user.department_id ? { departmentId: user.department_id } : { enterpriseId: '' }
  return { town: true }
}
