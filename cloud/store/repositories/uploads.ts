import type { Insertable, Kysely, Selectable } from 'kysely'
import type { Database } from '../database'
import type { UploadsTable } from '../tables/uploads'

export type UploadRow = Selectable<UploadsTable>

export async function insertUpload(db: Kysely<Database>, row: Insertable<UploadsTable>): Promise<void> {
  await db.insertInto('uploads').values(row).execute()
}

export function findUploadById(db: Kysely<Database>, id: string): Promise<UploadRow | undefined> {
  return db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findUploadsByIds(db: Kysely<Database>, ids: string[]): Promise<UploadRow[]> {
  if (ids.length === 0) return Promise.resolve([])
  return db.selectFrom('uploads').selectAll().where('id', 'in', ids).execute()
}

export function listAppealUploads(db: Kysely<Database>, appealId: string): Promise<UploadRow[]> {
  return db.selectFrom('uploads').selectAll().where('appeal_id', '=', appealId).orderBy('position').execute()
}

/**
 * Attaches the caller's own unattached uploads to an appeal, in the given order. Answers how many
 * it attached: fewer than asked means one was someone else's, already attached, or unknown.
 */
export async function attachUploads(db: Kysely<Database>, ownerId: string, appealId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0
  // After those already attached (filed with it, or supplied earlier).
  const { n } = await db
    .selectFrom('uploads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('appeal_id', '=', appealId)
    .executeTakeFirstOrThrow()
  let attached = 0
  for (const [index, id] of ids.entries()) {
    const result = await db
      .updateTable('uploads')
      .set({ appeal_id: appealId, position: Number(n) + index })
      .where('id', '=', id)
      .where('owner_id', '=', ownerId)
      .where('appeal_id', 'is', null)
      .executeTakeFirst()
    attached += Number(result.numUpdatedRows)
  }
  return attached
}

/** How many files a person uploaded since `since` (the daily limit). */
export async function countUploadsSince(db: Kysely<Database>, ownerId: string, since: number): Promise<number> {
  const row = await db
    .selectFrom('uploads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
