import { sql, type Kysely, type SqlBool } from 'kysely'

/**
 * The dashboard's overdue total counted every open appeal past its deadline on each read: at a
 * million appeals with a backlog of 400,000, 40 ms on PostgreSQL (a tuple at a time from the
 * deadline index). The open appeals are now kept per hour of their deadline
 * (repositories/appeal-due-hours.ts), so the total is a sum over the hours already past plus what
 * is due earlier in the current one, read live.
 *
 * Rows are additions (+1 to the hour an appeal moved to, −1 to the one it left), inserted in the
 * transaction of the move and never updated, so writers take no lock on a shared row; the sweep
 * folds them into one row an hour. No key, then: an hour has several rows until it is folded.
 * Fresh appeals (filed, not yet accepted) are left out, so that a filing writes nothing here; they
 * are counted at read time from the narrow partial index below. The table is filled from the
 * appeals already there by migrateToLatest (store/migrate.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('appeal_due_hours')
    .addColumn('hour', 'bigint', (c) => c.notNull())
    .addColumn('appeals', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('appeal_due_hours_idx').on('appeal_due_hours').columns(['hour', 'appeals']).execute()
  await db.schema
    .createIndex('appeals_fresh_due_idx')
    .on('appeals')
    .column('due_at')
    .where(sql<SqlBool>`state = 'submitted'`)
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('appeals_fresh_due_idx').execute()
  await db.schema.dropTable('appeal_due_hours').execute()
}
