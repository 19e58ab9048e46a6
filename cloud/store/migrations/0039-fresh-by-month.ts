import { PostgresAdapter, sql, type Kysely, type SqlBool } from 'kysely'

/** Every column the counts read (appeals_fresh_idx's, 0027), led by the filing time. */
const COUNTED = [
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

/**
 * PostgreSQL: a period's fresh appeals, by filing time. appeals_fresh_idx (0027) is led by the
 * state, which it holds one value of, so that SQLite sees both the state and the month in it.
 * PostgreSQL drops from a scan a condition the index's own implies, so there the state bounded
 * nothing and the bulletin's fresh part walked the index from its first entry (a million appeals,
 * 100,000 fresh: 21–24 ms at p50, 10–13 ms from this index; docs/scale.md).
 *
 * 0027's index stays for the reads that name no period. `submitted_at is not null` (always true)
 * keeps this one to them: PostgreSQL uses a partial index only where the query's own conditions
 * imply its condition, and only a bound on the filing time implies that one. Without it, a test
 * town's officer had his fresh appeals read from here, filtered by handler, instead of from
 * appeals_fresh_handler_idx (0035). The build holds writes to the appeals while it reads them
 * (about 3 s at a million).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await db.schema
    .createIndex('appeals_fresh_month_idx')
    .on('appeals')
    .columns(COUNTED)
    .where(sql<SqlBool>`state = 'submitted' and submitted_at is not null`)
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await db.schema.dropIndex('appeals_fresh_month_idx').execute()
}
