import { sql, type Kysely, type SqlBool } from 'kysely'

/**
 * The 督查 office's inbox counts what waits on its decision among every appeal of the town:
 * PostgreSQL read the whole table for it on each page (250 ms at a million appeals), the rest of
 * the counts being kept (0035). The queue is few appeals, so a partial index holds exactly those,
 * by state. The condition is inbox.ts's OFFICE_QUEUE word for word: both databases use a partial
 * index only for a query that states its condition.
 */
const OFFICE_QUEUE = sql<SqlBool>`(state in ('disputed', 'return_review') or rating_contest = 'pending' or (spot_check_picked = 1 and spot_checked_at is null and state = 'closed') or (state = 'extension_pending' and conduct = 1 and department_id is null))`

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('appeals_office_queue_idx').on('appeals').column('state').where(OFFICE_QUEUE).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('appeals_office_queue_idx').execute()
}
