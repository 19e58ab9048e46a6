import type { Kysely } from 'kysely'

/**
 * An owner's list showed a page and the total of the enterprise's appeals; the total rode along as
 * a window count, so every appeal of the enterprise was read and joined to its names before the
 * page was cut (a firm with a thousand appeals, 94 ms at ten million). The page and the total are
 * now two statements; with the state in the index the total, for every filter, is read from the
 * index alone, and the page reads twenty rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('appeals_enterprise_list_idx').on('appeals').columns(['enterprise_id', 'submitted_at', 'state']).execute()
  await db.schema.dropIndex('appeals_enterprise_idx').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('appeals_enterprise_idx').on('appeals').columns(['enterprise_id', 'submitted_at']).execute()
  await db.schema.dropIndex('appeals_enterprise_list_idx').execute()
}
