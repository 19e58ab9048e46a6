import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../database'
import type { DepartmentsTable } from '../tables/departments'

export type DepartmentRow = Selectable<DepartmentsTable>

export function findDepartmentById(db: Kysely<Database>, id: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertDepartment(db: Kysely<Database>, row: DepartmentRow): Promise<void> {
  await db.insertInto('departments').values(row).execute()
}

export async function countDepartments(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('departments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Every department in the town's order. */
export function listDepartments(db: Kysely<Database>) {
  return db.selectFrom('departments').select(['id', 'name']).orderBy('sort_order').execute()
}
