import type { Insertable, Kysely, Selectable, Updateable } from 'kysely'
import type { Database } from '../database'
import type { AppealEventsTable } from '../tables/appeal-events'
import type { AppealsTable } from '../tables/appeals'

export type AppealRow = Selectable<AppealsTable>
export type AppealEventRow = Selectable<AppealEventsTable>

export function findAppealById(db: Kysely<Database>, id: string): Promise<AppealRow | undefined> {
  return db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findAppealByClientRequest(db: Kysely<Database>, createdBy: string, clientRequestId: string): Promise<AppealRow | undefined> {
  return db
    .selectFrom('appeals')
    .selectAll()
    .where('created_by', '=', createdBy)
    .where('client_request_id', '=', clientRequestId)
    .executeTakeFirst()
}

export async function insertAppeal(db: Kysely<Database>, row: Insertable<AppealsTable>): Promise<void> {
  await db.insertInto('appeals').values(row).execute()
}

/**
 * Changes an appeal only if nobody changed it since `version` was read; answers whether it did.
 * The loser of a race gets false and the caller answers 409.
 */
export async function updateAppealIfVersion(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: Updateable<AppealsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('appeals')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function appendAppealEvent(db: Kysely<Database>, row: Insertable<AppealEventsTable>): Promise<void> {
  await db.insertInto('appeal_events').values(row).execute()
}

export function listAppealEvents(db: Kysely<Database>, appealId: string): Promise<AppealEventRow[]> {
  return db.selectFrom('appeal_events').selectAll().where('appeal_id', '=', appealId).orderBy('seq').execute()
}

export async function nextEventSeq(db: Kysely<Database>, appealId: string): Promise<number> {
  const row = await db
    .selectFrom('appeal_events')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('appeal_id', '=', appealId)
    .executeTakeFirst()
  return Number(row?.last ?? 0) + 1
}

export function findRoutingDepartment(db: Kysely<Database>, category: string): Promise<string | undefined> {
  return db
    .selectFrom('routing_rules')
    .select('department_id')
    .where('category', '=', category)
    .executeTakeFirst()
    .then((row) => row?.department_id)
}

/** An appeal with the names a list shows (enterprise, handler), for owner lists and inboxes. */
export function selectAppealSummaries(db: Kysely<Database>) {
  return db
    .selectFrom('appeals')
    .innerJoin('enterprises', 'enterprises.id', 'appeals.enterprise_id')
    .leftJoin('users as handler', 'handler.id', 'appeals.handler_id')
    .select([
      'appeals.id',
      'appeals.title',
      'appeals.category',
      'appeals.urgency',
      'appeals.state',
      'appeals.submitted_at',
      'appeals.due_at',
      'appeals.version',
      'enterprises.name as enterprise_name',
      'handler.name as handler_name',
    ])
}

export type AppealSummaryRow = Awaited<ReturnType<ReturnType<typeof selectAppealSummaries>['execute']>>[number]
