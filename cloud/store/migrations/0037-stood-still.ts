import { sql, type Kysely, type SqlBool } from 'kysely'

/**
 * A page of the whole town's open or overdue appeals reads the appeals whose clock stands still
 * (open, no due_at) after the running ones, by filing. appeals_due_idx holds them among every
 * finished appeal (due_at null too), so the read went through most of the town. The open ones
 * standing still are few: a partial index holds exactly those, by filing. The condition is
 * inbox.ts's STOOD_STILL word for word: both databases use a partial index only for a query that
 * states its condition.
 */
const STOOD_STILL = sql<SqlBool>`(+due_at is null and state || '' in ('submitted', 'accepted', 'in_progress', 'extension_pending', 'info_requested', 'info_paused', 'reopened', 'disputed', 'return_review'))`

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('appeals_stood_still_idx').on('appeals').columns(['submitted_at', 'id']).where(STOOD_STILL).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('appeals_stood_still_idx').execute()
}
