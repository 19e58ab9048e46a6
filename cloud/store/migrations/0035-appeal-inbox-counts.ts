import { sql, type Kysely, type SqlBool } from 'kysely'

/**
 * An inbox shows a count for every filter, and counting a person's appeals on each page read all
 * of them: an officer with 50,000 (ten million appeals among 200 officers) waited 10–13 ms on
 * PostgreSQL for the counts alone, and a leader's inbox read the whole town (120 ms at a million).
 * The appeals past their filing are now kept per handler, department, state and hour of their
 * deadline (repositories/appeal-inbox-counts.ts); a count sums the kept rows and reads live only
 * the fresh appeals and those falling due earlier in the current hour.
 *
 * Rows are additions, as in appeal_due_hours (0031): inserted by each move, never updated, so
 * writers share no row; the sweep folds them. `paused_late` marks a pause begun after its
 * deadline had passed, which stays late whatever the clock says. The table is filled from the
 * appeals already there by migrateToLatest (store/migrate.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('appeal_inbox_counts')
    .addColumn('handler_id', 'text')
    .addColumn('department_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('hour', 'bigint')
    .addColumn('paused_late', 'integer', (c) => c.notNull())
    .addColumn('appeals', 'bigint', (c) => c.notNull())
    .execute()
  const counted = ['state', 'hour', 'paused_late', 'appeals']
  await db.schema
    .createIndex('appeal_inbox_counts_handler_idx')
    .on('appeal_inbox_counts')
    .columns(['handler_id', 'department_id', ...counted])
    .execute()
  await db.schema
    .createIndex('appeal_inbox_counts_department_idx')
    .on('appeal_inbox_counts')
    .columns(['department_id', 'handler_id', ...counted])
    .execute()
  // The fresh appeals of one person or one department, counted live, without a pass over the rest.
  for (const owner of ['handler_id', 'department_id'])
    await db.schema
      .createIndex(`appeals_fresh_${owner.replace('_id', '')}_idx`)
      .on('appeals')
      .columns([owner, 'due_at'])
      .where(sql<SqlBool>`state = 'submitted'`)
      .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('appeals_fresh_handler_idx').execute()
  await db.schema.dropIndex('appeals_fresh_department_idx').execute()
  await db.schema.dropTable('appeal_inbox_counts').execute()
}
