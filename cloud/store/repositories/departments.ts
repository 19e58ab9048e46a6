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

/** Every department with its remit, in the town's order. */
export function listDepartmentRows(db: Kysely<Database>): Promise<DepartmentRow[]> {
  return db.selectFrom('departments').selectAll().orderBy('sort_order').orderBy('name').execute()
}

export function findDepartmentByName(db: Kysely<Database>, name: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').selectAll().where('name', '=', name).executeTakeFirst()
}

export async function updateDepartment(db: Kysely<Database>, id: string, changes: Partial<Omit<DepartmentRow, 'id'>>): Promise<void> {
  await db.updateTable('departments').set(changes).where('id', '=', id).execute()
}

/** The next place at the end of the town's order. */
export async function nextDepartmentOrder(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('departments')
    .select((eb) => eb.fn.max<number | null>('sort_order').as('n'))
    .executeTakeFirst()
  return row?.n === null || row?.n === undefined ? 0 : Number(row.n) + 1
}

/** How many open officers and enterprises each department has. */
export async function departmentCounts(db: Kysely<Database>): Promise<{ officers: Map<string, number>; enterprises: Map<string, number> }> {
  const [officers, enterprises] = await Promise.all([
    db
      .selectFrom('users')
      .select(['department_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('role', '=', 'officer')
      .where('deactivated_at', 'is', null)
      .groupBy('department_id')
      .execute(),
    db
      .selectFrom('enterprises')
      .select(['department_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('deactivated_at', 'is', null)
      .groupBy('department_id')
      .execute(),
  ])
  const toMap = (rows: { department_id: string | null; n: number }[]) => new Map(rows.map((r) => [r.department_id ?? '', Number(r.n)]))
  return { officers: toMap(officers), enterprises: toMap(enterprises) }
}
