import { sql, type Kysely, type Selectable, type Updateable } from 'kysely'
import type { Database } from '../database'
import type { UsersTable } from '../tables/users'

export type UserRow = Selectable<UsersTable>

export function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findUserByOpenid(db: Kysely<Database>, openid: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('openid', '=', openid).executeTakeFirst()
}

/** An officer (驻企特派员) of the department, or undefined: whom an appeal may be given to there. */
export function findOfficerInDepartment(db: Kysely<Database>, id: string, departmentId: string | null): Promise<UserRow | undefined> {
  if (departmentId === null) return Promise.resolve(undefined)
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('role', '=', 'officer')
    .where('department_id', '=', departmentId)
    .where('deactivated_at', 'is', null)
    .executeTakeFirst()
}

export function findUsersByIds(db: Kysely<Database>, ids: string[]): Promise<UserRow[]> {
  if (ids.length === 0) return Promise.resolve([])
  return db.selectFrom('users').selectAll().where('id', 'in', ids).execute()
}

/** The ids of an enterprise's owners (企业用户). */
export async function listOwnerIds(db: Kysely<Database>, enterpriseId: string): Promise<string[]> {
  return (await db.selectFrom('users').select('id').where('role', '=', 'owner').where('enterprise_id', '=', enterpriseId).execute()).map(
    (u) => u.id,
  )
}

/** The ids of a department's head(s). */
export async function listHeadIds(db: Kysely<Database>, departmentId: string): Promise<string[]> {
  return (
    await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'dept_head')
      .where('department_id', '=', departmentId)
      .where('deactivated_at', 'is', null)
      .execute()
  ).map((u) => u.id)
}

/** The ids of the owners of each of many enterprises (an enterprise with none is absent). */
export async function listOwnerIdsOf(db: Kysely<Database>, enterpriseIds: string[]): Promise<Map<string, string[]>> {
  const rows = enterpriseIds.length
    ? await db
        .selectFrom('users')
        .select(['id', 'enterprise_id'])
        .where('role', '=', 'owner')
        .where('enterprise_id', 'in', enterpriseIds)
        .execute()
    : []
  return groupIds(rows.map((r) => [r.enterprise_id as string, r.id]))
}

/** The ids of the head(s) of each of many departments (a department with none is absent). */
export async function listHeadIdsOf(db: Kysely<Database>, departmentIds: string[]): Promise<Map<string, string[]>> {
  const rows = departmentIds.length
    ? await db
        .selectFrom('users')
        .select(['id', 'department_id'])
        .where('role', '=', 'dept_head')
        .where('department_id', 'in', departmentIds)
        .where('deactivated_at', 'is', null)
        .execute()
    : []
  return groupIds(rows.map((r) => [r.department_id as string, r.id]))
}

function groupIds(pairs: [string, string][]): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const [key, id] of pairs) groups.set(key, [...(groups.get(key) ?? []), id])
  return groups
}

/** The ids of the 督查 office's people (the admins). */
export async function listAdminIds(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('users').select('id').where('role', '=', 'admin').execute()).map((u) => u.id)
}

/** A staff member (not an owner or guest) by id: whom a complaint about staff may name. */
export function findStaffById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('role', 'in', ['officer', 'dept_head', 'leader', 'admin'])
    .executeTakeFirst()
}

/** A department's head(s). */
export function listDepartmentHeads(db: Kysely<Database>, departmentId: string): Promise<UserRow[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('role', '=', 'dept_head')
    .where('department_id', '=', departmentId)
    .where('deactivated_at', 'is', null)
    .execute()
}

/** The enterprise's primary owner (or else the first to sign up), with the name and phone a contact needs. */
export function findFirstOwner(db: Kysely<Database>, enterpriseId: string) {
  return db
    .selectFrom('users')
    .select(['name', 'phone'])
    .where('role', '=', 'owner')
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('primary_owner', 'desc')
    .orderBy('created_at')
    .executeTakeFirst()
}

/** The owners of some enterprises, the primary one and then the first to sign up first, with what a contact shows. */
export function listOwnerContacts(db: Kysely<Database>, enterpriseIds: string[]) {
  if (enterpriseIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('users')
    .select(['id', 'name', 'title', 'phone', 'enterprise_id'])
    .where('role', '=', 'owner')
    .where('enterprise_id', 'in', enterpriseIds)
    .orderBy('primary_owner', 'desc')
    .orderBy('created_at')
    .execute()
}

/** Every officer (驻企特派员) whose account is not closed, in id order. */
export function listOfficers(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'title', 'department_id'])
    .where('role', '=', 'officer')
    .where('deactivated_at', 'is', null)
    .orderBy('id')
    .execute()
}

export async function insertUser(db: Kysely<Database>, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute()
}

/** Updates a user; answers how many rows changed, so callers can tell a lost race from success. */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<UsersTable>,
  expect?: { role: UserRow['role'] },
): Promise<number> {
  let query = db.updateTable('users').set(changes).where('id', '=', id)
  if (expect) query = query.where('role', '=', expect.role)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Users whose account is open, with the name of the enterprise they speak for, ordered for a picker. */
export function listUsersWithEnterprise(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .leftJoin('enterprises', 'enterprises.id', 'users.enterprise_id')
    .select(['users.id', 'users.name', 'users.role', 'users.title', 'users.openid', 'enterprises.name as enterprise_name'])
    .where('users.deactivated_at', 'is', null)
    .orderBy('users.id')
    .execute()
}

/** Staff records (every role but owner and guest), of a department or all, open ones unless asked for closed ones too. */
export function listStaff(db: Kysely<Database>, filter: { departmentId?: string; includeDeactivated?: boolean }) {
  let query = db.selectFrom('users').selectAll().where('role', 'in', ['officer', 'dept_head', 'leader', 'admin'])
  if (filter.departmentId) query = query.where('department_id', '=', filter.departmentId)
  if (!filter.includeDeactivated) query = query.where('deactivated_at', 'is', null)
  // The town-wide first (no department: leaders, admins), the same way on SQLite and PostgreSQL.
  return query
    .orderBy(sql`case when department_id is null then 0 else 1 end`)
    .orderBy('department_id')
    .orderBy('role')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** An open staff account with this phone, other than `exceptId`: two people never share one. */
export function findStaffByPhone(db: Kysely<Database>, phone: string, exceptId?: string): Promise<UserRow | undefined> {
  let query = db
    .selectFrom('users')
    .selectAll()
    .where('phone', '=', phone)
    .where('role', 'in', ['officer', 'dept_head', 'leader', 'admin'])
    .where('deactivated_at', 'is', null)
  if (exceptId) query = query.where('id', '!=', exceptId)
  return query.executeTakeFirst()
}

/** The officers and leaders a roster row may name, open accounts only. */
export function listRosterPeople(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'phone', 'role', 'department_id'])
    .where('role', 'in', ['officer', 'leader'])
    .where('deactivated_at', 'is', null)
    .execute() as Promise<{ id: string; name: string; phone: string; role: 'officer' | 'leader'; department_id: string | null }[]>
}

/** How many open admin accounts there are (the last one is never closed). */
export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('deactivated_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The owners of an enterprise, the primary one first, then in the order they joined. */
export function listOwners(db: Kysely<Database>, enterpriseId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'phone', 'title', 'primary_owner', 'owner_since', 'created_at'])
    .where('role', '=', 'owner')
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('primary_owner', 'desc')
    .orderBy('owner_since')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** How many owners each enterprise has. */
export async function countOwners(db: Kysely<Database>, enterpriseIds: string[]): Promise<Map<string, number>> {
  if (enterpriseIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('users')
    .select(['enterprise_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('role', '=', 'owner')
    .where('enterprise_id', 'in', enterpriseIds)
    .groupBy('enterprise_id')
    .execute()
  return new Map(rows.map((r) => [r.enterprise_id!, Number(r.n)]))
}

/**
 * Makes the next owner of an enterprise (the earliest to join) its primary one, when it has none:
 * after the primary owner left or was removed. Answers the new primary owner's id, if any.
 */
export async function promoteNextPrimary(db: Kysely<Database>, enterpriseId: string): Promise<string | null> {
  const owners = await listOwners(db, enterpriseId)
  if (owners.length === 0 || owners.some((o) => o.primary_owner === 1)) return null
  await db.updateTable('users').set({ primary_owner: 1 }).where('id', '=', owners[0].id).execute()
  return owners[0].id
}
