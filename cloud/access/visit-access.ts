import { notFound } from '../domain/errors'
import type { VisitParty } from '../domain/visit/rules'
import type { Db } from '../store/database'
import { findEnterpriseById, type EnterpriseRow } from '../store/repositories/enterprises'
import type { UserRow } from '../store/repositories/users'
import { findVisitById, type VisitRow } from '../store/repositories/visits'

/**
 * Whether a person covers an enterprise, and so may see its visits and its file: its officer, a head
 * of its department, its leader; and every admin. Other leaders see everything too: the county's
 * leaders read coverage across the town.
 */
export function coversEnterprise(user: UserRow, enterprise: EnterpriseRow): boolean {
  switch (user.role) {
    case 'admin':
    case 'leader':
      return true
    case 'dept_head':
      return user.department_id !== null && user.department_id === enterprise.department_id
    case 'officer':
      return user.id === enterprise.officer_id
    default:
      return false
  }
}

/** Who the caller is to a visit: its owner, its host, or an onlooker with the right to see it. */
export function partyOf(user: UserRow, visit: VisitRow): VisitParty | null {
  if (user.role === 'owner' && user.enterprise_id === visit.enterprise_id) return 'owner'
  if (user.id === visit.host_id) return 'host'
  return null
}

/** The visit, if the caller may see it; anyone else's answers like a missing one. */
export async function loadVisibleVisit(db: Db, user: UserRow, id: string): Promise<{ visit: VisitRow; party: VisitParty | null }> {
  const visit = await findVisitById(db, id)
  if (visit) {
    const party = partyOf(user, visit)
    if (party) return { visit, party }
    const enterprise = await findEnterpriseById(db, visit.enterprise_id)
    if (enterprise && coversEnterprise(user, enterprise)) return { visit, party: null }
  }
  throw notFound('这次走访不存在，或您无权查看')
}
