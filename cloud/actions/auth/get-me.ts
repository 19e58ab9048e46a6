import type { EnterpriseView, Me, PersonContact } from '../../contract'
import { ROLE_LABELS } from '../../domain/roles'
import type { Db } from '../../store/database'
import { findDepartmentById } from '../../store/repositories/departments'
import { findEnterpriseById } from '../../store/repositories/enterprises'
import { findUsersByIds, type UserRow } from '../../store/repositories/users'
import { deadlinePromise } from '../../domain/appeal/deadlines'
import { requireUser, type ActionContext, type Deps } from '../context'

/** auth.me: who I am, my role, and the enterprise I speak for with the people who serve it. */
export async function getMe(ctx: ActionContext): Promise<Me> {
  return loadMe(ctx, requireUser(ctx))
}

/** Me as the caller sees it; the promise comes from the deadline rule this host runs with. */
export async function loadMe({ db, deadlines }: Pick<Deps, 'db' | 'deadlines'>, user: UserRow): Promise<Me> {
  const department = user.department_id ? await findDepartmentById(db, user.department_id) : undefined
  return {
    user: {
      id: user.id,
      name: user.name,
      role: user.role,
      roleLabel: ROLE_LABELS[user.role],
      title: user.title,
      phone: user.phone,
      department: department ? { id: department.id, name: department.name } : null,
    },
    enterprise: user.enterprise_id ? await loadEnterpriseView(db, user.enterprise_id) : null,
    promise: deadlinePromise(deadlines),
  }
}

async function loadEnterpriseView(db: Db, enterpriseId: string): Promise<EnterpriseView | null> {
  const enterprise = await findEnterpriseById(db, enterpriseId)
  if (!enterprise) return null
  const people = await findUsersByIds(
    db,
    [enterprise.officer_id, enterprise.leader_id].filter((id): id is string => id !== null),
  )
  const contact = (id: string | null): PersonContact | null => {
    const person = people.find((p) => p.id === id)
    return person ? { id: person.id, name: person.name, title: person.title, phone: person.phone } : null
  }
  const department = enterprise.department_id ? await findDepartmentById(db, enterprise.department_id) : undefined
  return {
    id: enterprise.id,
    name: enterprise.name,
    creditCode: enterprise.credit_code,
    industry: enterprise.industry,
    kind: enterprise.kind,
    park: enterprise.park,
    address: enterprise.address,
    officer: contact(enterprise.officer_id),
    department: department ? { id: department.id, name: department.name } : null,
    leader: contact(enterprise.leader_id),
  }
}
