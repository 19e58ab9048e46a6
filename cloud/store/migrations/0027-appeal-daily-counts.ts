import { sql, type Kysely, type SqlBool } from 'kysely'

/**
 * The month's bulletin and the leader dashboard aggregated every appeal of the month on each read,
 * thirty-odd counts a row: at a million appeals 70–220 ms on PostgreSQL, growing with the table.
 * The counts are kept per day, department and category in appeal_daily_counts, rewritten in the
 * transaction of each change to an appeal (repositories/appeal-daily-counts.ts). Four of them change
 * as time passes (overdue, …) while an appeal is unsettled (open, paused, or awaiting a
 * rectification); those are kept for settled appeals only, and a read adds them for the unsettled
 * ones at its own now, from the partial index below.
 *
 * The table is filled from the appeals already there by migrateToLatest (store/migrate.ts), from
 * the same definitions the reads use.
 */
const COUNTS = [
  'received',
  'response_due',
  'responded_on_time',
  'resolved',
  'resolved_on_time',
  'on_time_due',
  'rated',
  'satisfied',
  'unsatisfied',
  'solved_answered',
  'solved',
  'returned_or_disputed',
  'returned',
  'return_pending',
  'return_upheld',
  'return_overturned',
  'return_objected',
  'withdrawn',
  'paused',
  'pauses',
  'paused_ms',
  'reopened',
  'rectify_due',
  'rectified_on_time',
  'rectified',
  'followed_up',
  'spot_picked',
  'spot_checked',
  'pressured',
  'overdue',
  'respond_ms_total',
  'responded',
  'resolve_ms_total',
]

/** What the four counts that change with time read: an unsettled appeal's are counted from this index alone. */
const LIVE_COLUMNS = [
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

/** Every column the counts read (those of appeals_dashboard_idx, 0012): a fresh appeal's are read from this index alone. */
const COUNTED_COLUMNS = [
  ...LIVE_COLUMNS,
  'responded_at',
  'accept_due_at',
  'resolved_late',
  'rating',
  'solved',
  'dispute_count',
  'pause_count',
  'return_outcome',
  'return_objected',
  'rectify_late',
  'followed_up_at',
  'spot_check_picked',
  'spot_checked_at',
  'spot_check_result',
]

/** Not settled: open, paused, or awaiting a rectification (metric-conditions.ts UNSETTLED, word for word). */
const UNSETTLED = sql<SqlBool>`(state in ('submitted', 'accepted', 'in_progress', 'extension_pending', 'info_requested', 'info_paused', 'reopened', 'disputed', 'return_review') or paused_at is not null or (reopen_count > 0 and rating_voided = 0 and rectified_at is null))`

export async function up(db: Kysely<unknown>): Promise<void> {
  let table = db.schema
    .createTable('appeal_daily_counts')
    .addColumn('day', 'bigint', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
  for (const column of COUNTS) table = table.addColumn(column, 'bigint', (c) => c.notNull().defaultTo(0))
  await table.addPrimaryKeyConstraint('appeal_daily_counts_pk', ['day', 'department_id', 'category']).execute()
  await db.schema.createIndex('appeals_unsettled_idx').on('appeals').columns(LIVE_COLUMNS).where(UNSETTLED).execute()
  // Fresh (filed, not yet moved): counted whole at read time (metric-conditions.ts FRESH). Led by
  // state, though it holds one value: SQLite (which keeps no statistics here) then sees an index for
  // both the state and the month, and prefers it to the 督查 queue's index on state alone.
  await db.schema
    .createIndex('appeals_fresh_idx')
    .on('appeals')
    .columns(['state', ...COUNTED_COLUMNS.filter((c) => c !== 'state')])
    .where(sql<SqlBool>`state = 'submitted'`)
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('appeals_fresh_idx').execute()
  await db.schema.dropIndex('appeals_unsettled_idx').execute()
  await db.schema.dropTable('appeal_daily_counts').execute()
}
