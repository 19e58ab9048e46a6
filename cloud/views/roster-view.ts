import type { RosterEnterprise } from '../contract'
import type { Db } from '../store/database'
import { findNames } from '../store/repositories/names'
import type { EnterpriseRow } from '../store/repositories/enterprises'
import { countPendingRequests } from '../store/repositories/owner-requests'
import { countOwners } from '../store/repositories/users'

const tagsOf = (json: string): string[] => {
  try {
    const parsed: unknown = JSON.parse(json)
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : []
  } catch {
    return []
  }
}

/** Roster rows as the pages show them: who covers each, whether it is on the roster, how many owners it has. */
export async function toRosterEnterprises(db: Db, rows: EnterpriseRow[]): Promise<RosterEnterprise[]> {
  const ids = rows.map((r) => r.id)
  const people = [...new Set(rows.flatMap((r) => [r.officer_id, r.leader_id]).filter((id): id is string => id !== null))]
  const departments = [...new Set(rows.map((r) => r.department_id).filter((id): id is string => id !== null))]
  const [names, departmentNames, owners, pending] = await Promise.all([
    findNames(db, 'users', people),
    findNames(db, 'departments', departments),
    countOwners(db, ids),
    countPendingRequests(db, ids),
  ])
  const named = (list: { id: string; name: string }[], id: string | null) => {
    const found = list.find((n) => n.id === id)
    return found ? { id: found.id, name: found.name } : null
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    kind: r.kind,
    industry: r.industry,
    park: r.park,
    address: r.address,
    legalPerson: r.legal_person,
    tags: tagsOf(r.tags),
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    officer: named(names, r.officer_id),
    leader: named(names, r.leader_id),
    department: named(departmentNames, r.department_id),
    active: r.deactivated_at === null,
    owners: owners.get(r.id) ?? 0,
    pendingOwners: pending.get(r.id) ?? 0,
  }))
}

export { tagsOf }
