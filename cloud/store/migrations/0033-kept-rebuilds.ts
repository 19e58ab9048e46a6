import { sql, type Kysely } from 'kysely'

/**
 * A kept table (0027, 0031) was rebuilt after the run of migrations that made it, in a transaction
 * of its own: a process stopped between the two left it empty or stale for good, since the next
 * start ran no migration. Each rebuild now records, in its transaction, the runs of the
 * migrations it followed; a start that finds a run not recorded rebuilds (store/migrate.ts).
 *
 * The runs already made are taken as rebuilt, as they were in the run that made them: otherwise
 * every store would rebuild both tables at its first start after this one, under its live
 * traffic (3.5 s at a million appeals, every filing and change waiting). A run in this very run
 * is rebuilt after it all the same.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('kept_rebuilds')
    .addColumn('kept', 'text', (c) => c.notNull())
    .addColumn('migration', 'text', (c) => c.notNull())
    .addColumn('executed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kept_rebuilds_pkey', ['kept', 'migration'])
    .execute()
  await sql`
    insert into kept_rebuilds (kept, migration, executed_at)
    select k.kept, m.name, m.timestamp from kysely_migration m join (
      select 'appeal_daily_counts' as kept, '0027-appeal-daily-counts' as migration
      union all select 'appeal_due_hours', '0031-appeal-due-hours'
    ) k on k.migration = m.name
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('kept_rebuilds').execute()
}
