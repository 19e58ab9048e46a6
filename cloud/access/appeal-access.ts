import { canViewAppeal } from '../domain/appeal/visibility'
import { notFound } from '../domain/errors'
import type { Db } from '../store/database'
import { findAppealById, type AppealRow } from '../store/repositories/appeals'
import { findEnterpriseById } from '../store/repositories/enterprises'
import type { UserRow } from '../store/repositories/users'

/**
 * The appeal, if the caller may see it. Someone else's appeal answers exactly like a missing one,
 * so ids cannot be probed.
 */
export async function loadVisibleAppeal(db: Db, user: UserRow, id: string): Promise<AppealRow> {
  const appeal = await findAppealById(db, id)
  const enterprise = appeal ? await findEnterpriseById(db, appeal.enterprise_id) : undefined
  const scope = appeal && {
    enterpriseId: appeal.enterprise_id,
    handlerId: appeal.handler_id,
    departmentId: appeal.department_id,
    enterpriseOfficerId: enterprise?.officer_id ?? null,
    conduct: appeal.conduct === 1,
    accusedId: appeal.accused_id,
    anonymous: appeal.anonymous === 1,
  }
  const viewer = { id: user.id, role: user.role, enterpriseId: user.enterprise_id, departmentId: user.department_id }
  if (!appeal || !scope || !canViewAppeal(scope, viewer)) throw notFound('这条诉求不存在，或您无权查看')
  return appeal
}
