import type { Kysely } from 'kysely'

/**
 * A kept table (0027, 0031) was rebuilt after the run of migrations that made it, in a transaction
 * of its own: a process stopped between the two left it empty or stale for good, since the next
 * start ran no migration. Each rebuild now records, in its transaction, the runs of the
 * migrations it followed; a start that finds a run not recorded rebuilds (store/migrate.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('kept_rebuilds')
    .addColumn('kept', 'text', (c) => c.notNull())
    .addColumn('migration', 'text', (c) => c.notNull())
    .addColumn('executed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kept_rebuilds_pkey', ['kept', 'migration'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('kept_rebuilds').execute()
}
