import { staffManagementProblem, type StaffRole } from '../domain/onboarding/staff'
import { notFound } from '../domain/errors'
import { isStaff } from '../domain/roles'
import type { Db } from '../store/database'
import { findUserById, type UserRow } from '../store/repositories/users'

/** A user row as the staff rules see it. */
export const asManager = (user: UserRow) => ({ id: user.id, role: user.role, departmentId: user.department_id })

/**
 * A staff record the caller manages: an admin any in the town, a head the officers of their own
 * department. Anyone else's, and anything that is not a staff record, answers like a missing one.
 */
export async function loadManagedStaff(db: Db, manager: UserRow, id: string): Promise<UserRow> {
  const target = await findUserById(db, id)
  if (
    !target ||
    !isStaff(target.role) ||
    staffManagementProblem(asManager(manager), { role: target.role as StaffRole, departmentId: target.department_id }) !== null
  )
    throw notFound('没有这名工作人员，或不在您管理的部门')
  return target
}
