import { canViewAppeal } from '../domain/appeal/visibility'
import { notFound } from '../domain/errors'
import type { Db } from '../store/database'
import { findAppealWithOfficer, type AppealRow } from '../store/repositories/appeals'
import type { UserRow } from '../store/repositories/users'

/**
 * The appeal, if the caller may see it. Someone else's appeal answers exactly like a missing one,
 * so ids cannot be probed.
 */
export async function loadVisibleAppeal(db: Db, user: UserRow, id: string): Promise<AppealRow> {
  const row = await findAppealWithOfficer(db, id)
  if (!row) throw notVisible()
  const { enterprise_officer_id, ...appeal } = row
  assertVisible(appeal, enterprise_officer_id, user)
  return appeal
}

/** Throws, as for a missing appeal, unless the caller may see it; `enterpriseOfficerId` is its enterprise's officer. */
export function assertVisible(appeal: AppealRow, enterpriseOfficerId: string | null, user: UserRow): void {
  const scope = {
    enterpriseId: appeal.enterprise_id,
    handlerId: appeal.handler_id,
    departmentId: appeal.department_id,
    enterpriseOfficerId,
    conduct: appeal.conduct === 1,
    accusedId: appeal.accused_id,
    anonymous: appeal.anonymous === 1,
  }
  const viewer = { id: user.id, role: user.role, enterpriseId: user.enterprise_id, departmentId: user.department_id }
  if (!canViewAppeal(scope, viewer)) throw notVisible()
}

const notVisible = () => notFound('这条诉求不存在，或您无权查看')
