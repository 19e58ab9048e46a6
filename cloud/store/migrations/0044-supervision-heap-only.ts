import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * PostgreSQL: a supervision step (the sweep's reminder, overdue notice, escalation) as a heap-only
 * update. appeals_due_idx held the step's two columns beside due_at, so every step wrote a new
 * entry into each of the appeals' 25 indexes: 1.0 s of the database's time for 10,000 steps, the
 * most of any statement of the sweep. Nothing read them there: the sweep's candidates are read from
 * the rows (a bitmap scan of due_at at a million appeals, 378 ms with the columns and 350 without),
 * and the town's inbox walks the index for due_at alone. Without them no index holds a column a
 * step writes, and the row's new version stays on its page when the page has room, which a
 * fillfactor of 90 leaves on the pages written from now on. SQLite has no heap-only updates, and
 * tests a candidate's level in this index before it reads the row: nothing there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await db.schema.dropIndex('appeals_due_idx').execute()
  await db.schema.createIndex('appeals_due_idx').on('appeals').column('due_at').execute()
  await sql`alter table appeals set (fillfactor = 90)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`alter table appeals reset (fillfactor)`.execute(db)
  await db.schema.dropIndex('appeals_due_idx').execute()
  await db.schema.createIndex('appeals_due_idx').on('appeals').columns(['due_at', 'supervision_level', 'supervised_due_at']).execute()
}
