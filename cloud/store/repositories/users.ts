import type { Kysely, Selectable, Updateable } from 'kysely'
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
    await db.selectFrom('users').select('id').where('role', '=', 'dept_head').where('department_id', '=', departmentId).execute()
  ).map((u) => u.id)
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
  return db.selectFrom('users').selectAll().where('role', '=', 'dept_head').where('department_id', '=', departmentId).execute()
}

/** The enterprise's first owner to sign up, with the name and phone a contact needs. */
export function findFirstOwner(db: Kysely<Database>, enterpriseId: string) {
  return db
    .selectFrom('users')
    .select(['name', 'phone'])
    .where('role', '=', 'owner')
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('created_at')
    .executeTakeFirst()
}

/** The owners of some enterprises, the first to sign up first, with what a contact shows. */
export function listOwnerContacts(db: Kysely<Database>, enterpriseIds: string[]) {
  if (enterpriseIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('users')
    .select(['id', 'name', 'title', 'phone', 'enterprise_id'])
    .where('role', '=', 'owner')
    .where('enterprise_id', 'in', enterpriseIds)
    .orderBy('created_at')
    .execute()
}

/** Every officer (驻企特派员), in id order. */
export function listOfficers(db: Kysely<Database>) {
  return db.selectFrom('users').select(['id', 'name', 'title', 'department_id']).where('role', '=', 'officer').orderBy('id').execute()
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

/** Users with the name of the enterprise they speak for, ordered for a picker. */
export function listUsersWithEnterprise(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .leftJoin('enterprises', 'enterprises.id', 'users.enterprise_id')
    .select(['users.id', 'users.name', 'users.role', 'users.title', 'enterprises.name as enterprise_name'])
    .orderBy('users.id')
    .execute()
}
