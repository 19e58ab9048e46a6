import type { StaffMember } from '../contract'
import { OPEN_STATES } from '../domain/appeal/rules'
import { ROLE_LABELS } from '../domain/roles'
import type { Db } from '../store/database'
import { listLiveCodes } from '../store/repositories/access-codes'
import { findNames } from '../store/repositories/names'
import { countHoldings } from '../store/repositories/holdings'
import type { UserRow } from '../store/repositories/users'

/** Staff records as the 人员管理 page shows them: status, a waiting invitation, what each holds. */
export async function toStaffMembers(db: Db, rows: UserRow[], now: number): Promise<StaffMember[]> {
  const ids = rows.map((r) => r.id)
  const [departments, invitations, holdings] = await Promise.all([
    findNames(db, 'departments', [...new Set(rows.map((r) => r.department_id).filter((d): d is string => d !== null))]),
    listLiveCodes(db, 'staff', 'user_id', ids, now),
    countHoldings(db, ids, OPEN_STATES),
  ])
  return rows.map((row) => {
    const department = departments.find((d) => d.id === row.department_id)
    const invitation = invitations.filter((i) => i.target === row.id).sort((a, b) => b.expires_at - a.expires_at)[0]
    return {
      id: row.id,
      name: row.name,
      title: row.title,
      phone: row.phone,
      role: row.role,
      roleLabel: ROLE_LABELS[row.role],
      department: department ? { id: department.id, name: department.name } : null,
      status: row.deactivated_at !== null ? 'deactivated' : row.openid !== null ? 'active' : 'invited',
      claimed: row.openid !== null,
      invitationExpiresAt: invitation?.expires_at ?? null,
      deactivatedAt: row.deactivated_at,
      holds: holdings.get(row.id) ?? { enterprises: 0, appeals: 0, visits: 0 },
    }
  })
}

export async function toStaffMember(db: Db, row: UserRow, now: number): Promise<StaffMember> {
  return (await toStaffMembers(db, [row], now))[0]
}
