import { sql, type Kysely, type SqlBool } from 'kysely'

/**
 * The month's figures read every unsettled appeal of the month live (0027's appeals_unsettled_idx),
 * for the four counts that change as time passes: 330,000 appeals at ten million, most of them
 * long past their deadline, whose counts no longer change. appeal_daily_counts now keeps those
 * counts for every appeal past its filing as they read once its deadlines have passed, the paused
 * time less its running part, and `paused_now`, the appeals paused, which a read multiplies by its
 * `now` (metric-conditions.ts keptSelections). A read takes back only what the appeals whose
 * deadline is still ahead do not count yet, found through the two indexes below, led by that
 * deadline. migrateToLatest rewrites the table from the appeals after this runs (store/migrate.ts).
 */

/** A running deadline (only an open appeal past its filing has one): metric-conditions.ts DUE_AHEAD, word for word. */
const DUE_AHEAD = sql<SqlBool>`(due_at is not null and state <> 'submitted')`
/** A rectification's deadline ahead: metric-conditions.ts RECTIFY_AHEAD, word for word. */
const RECTIFY_AHEAD = sql<SqlBool>`(rectify_due_at is not null and reopen_count > 0 and rating_voided = 0 and rectified_at is null and state <> 'submitted')`

const SPLIT = ['submitted_at', 'department_id', 'category']

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('appeal_daily_counts')
    .addColumn('paused_now', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createIndex('appeals_due_ahead_idx')
    .on('appeals')
    .columns(['due_at', ...SPLIT, 'state', 'close_due_at', 'paused_at', 'resolved_at', 'withdrawn_late'])
    .where(DUE_AHEAD)
    .execute()
  await db.schema
    .createIndex('appeals_rectify_ahead_idx')
    .on('appeals')
    .columns(['rectify_due_at', ...SPLIT, 'state', 'reopen_count', 'rating_voided', 'rectified_at'])
    .where(RECTIFY_AHEAD)
    .execute()
  await db.schema.dropIndex('appeals_unsettled_idx').execute()
}

/** What 0027 read from, every column the four counts read, for the unsettled appeals. */
const UNSETTLED_COLUMNS = [
  'submitted_at',
  'department_id',
  'category',
  'state',
  'due_at',
  'close_due_at',
  'paused_at',
  'paused_ms',
  'resolved_at',
  'withdrawn_late',
  'reopen_count',
  'rating_voided',
  'rectify_due_at',
  'rectified_at',
]
const UNSETTLED = sql<SqlBool>`(state in ('submitted', 'accepted', 'in_progress', 'extension_pending', 'info_requested', 'info_paused', 'reopened', 'disputed', 'return_review') or paused_at is not null or (reopen_count > 0 and rating_voided = 0 and rectified_at is null))`

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('appeals_unsettled_idx').on('appeals').columns(UNSETTLED_COLUMNS).where(UNSETTLED).execute()
  await db.schema.dropIndex('appeals_rectify_ahead_idx').execute()
  await db.schema.dropIndex('appeals_due_ahead_idx').execute()
  await db.schema.alterTable('appeal_daily_counts').dropColumn('paused_now').execute()
}
