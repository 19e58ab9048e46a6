import type { Insertable, Kysely, Selectable } from 'kysely'
import type { FindingState } from '../../domain/inspection'
import type { Database } from '../database'
import type { InspectionFindingsTable, InspectionsTable } from '../tables/inspections'

export type InspectionRow = Selectable<InspectionsTable>
export type FindingRow = Selectable<InspectionFindingsTable>

export async function insertInspection(
  db: Kysely<Database>,
  inspection: Insertable<InspectionsTable>,
  findings: Insertable<InspectionFindingsTable>[],
): Promise<void> {
  await db.insertInto('inspections').values(inspection).execute()
  await db.insertInto('inspection_findings').values(findings).execute()
}

/** Inspections with the department's and the inspector's names, newest first. */
export function listInspections(db: Kysely<Database>, filter: { period?: string; departmentId?: string; ids?: string[] }) {
  let query = db
    .selectFrom('inspections as i')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .innerJoin('users as u', 'u.id', 'i.inspector_id')
    .selectAll('i')
    .select(['d.name as department_name', 'u.name as inspector_name'])
  if (filter.period) query = query.where('i.period', '=', filter.period)
  if (filter.departmentId) query = query.where('i.department_id', '=', filter.departmentId)
  if (filter.ids) query = query.where('i.id', 'in', filter.ids.length ? filter.ids : [''])
  return query.orderBy('i.created_at', 'desc').orderBy('i.id').limit(200).execute()
}
export type NamedInspectionRow = Awaited<ReturnType<typeof listInspections>>[number]

export function findFindingById(db: Kysely<Database>, id: string): Promise<FindingRow | undefined> {
  return db.selectFrom('inspection_findings').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Findings by inspection, or a department's, or the open ones (not closed), oldest deadline first. */
export function listFindings(
  db: Kysely<Database>,
  filter: { inspectionIds?: string[]; departmentId?: string; period?: string; open?: boolean },
): Promise<FindingRow[]> {
  let query = db.selectFrom('inspection_findings').selectAll()
  if (filter.inspectionIds) query = query.where('inspection_id', 'in', filter.inspectionIds.length ? filter.inspectionIds : [''])
  if (filter.departmentId) query = query.where('department_id', '=', filter.departmentId)
  if (filter.period) query = query.where('period', '=', filter.period)
  if (filter.open) query = query.where('state', '!=', 'closed')
  return query.orderBy('due_at').orderBy('inspection_id').orderBy('seq').limit(500).execute()
}

/** A move on a finding from the version the caller saw: answers whether it applied. */
export async function moveFinding(
  db: Kysely<Database>,
  id: string,
  version: number,
  change: {
    state: FindingState
    answer?: string
    answered_by?: string
    answered_at?: number
    return_note?: string
    closed_by?: string
    closed_at?: number
  },
): Promise<boolean> {
  const result = await db
    .updateTable('inspection_findings')
    .set({ ...change, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The heads of a department: who is told of its findings. */
export async function listDepartmentHeads(db: Kysely<Database>, departmentId: string): Promise<{ id: string }[]> {
  return db
    .selectFrom('users')
    .select('id')
    .where('department_id', '=', departmentId)
    .where('role', '=', 'dept_head')
    .where('deactivated_at', 'is', null)
    .execute()
}
