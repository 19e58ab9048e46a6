import type { DevUser } from '../../contract'
import { ROLE_LABELS, ROLES } from '../../domain/roles'
import { listUsersWithEnterprise } from '../../store/repositories/users'
import { ActionContext } from '../context'

/** auth.devUsers: the seeded people a developer can sign in as, grouped by role. */
export async function listDevUsers(ctx: ActionContext): Promise<DevUser[]> {
  const rows = await listUsersWithEnterprise(ctx.db)
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      role: row.role,
      roleLabel: ROLE_LABELS[row.role],
      title: row.title,
      enterpriseName: row.enterprise_name,
    }))
    .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role))
}
