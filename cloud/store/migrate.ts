import { Migrator, sql } from 'kysely'
import type { Store } from './connect'
import { migrations } from './migrations'
import type { Db } from './database'
import { rebuildDailyCounts } from './repositories/appeal-daily-counts'
import { rebuildDueHours } from './repositories/appeal-due-hours'
import { rebuildInboxCounts } from './repositories/appeal-inbox-counts'

/**
 * The tables kept from the appeals, each with the migrations after whose run it is rewritten from
 * them: the one that made it, and any later one that changes what it counts (add its name here).
 */
const KEPT_FROM_APPEALS: { name: string; rebuild: (db: Db) => Promise<void>; after: string[] }[] = [
  { name: 'appeal_daily_counts', rebuild: rebuildDailyCounts, after: ['0027-appeal-daily-counts', '0042-deadlines-ahead'] },
  { name: 'appeal_due_hours', rebuild: rebuildDueHours, after: ['0031-appeal-due-hours'] },
  { name: 'appeal_inbox_counts', rebuild: rebuildInboxCounts, after: ['0035-appeal-inbox-counts'] },
]

/** Rewrites every table kept from the appeals, in one transaction: after a bulk load that wrote past the store. */
export const rebuildKeptCounts = (db: Db) =>
  db.transaction().execute(async (trx) => {
    for (const kept of KEPT_FROM_APPEALS) await kept.rebuild(trx)
  })

/**
 * Rebuilds each kept table whose migration ran in this run (`ran`), or ran at a time its last
 * rebuild did not record, and records those runs in the rebuild's transaction (0033): a start
 * after a stop between a migration's commit and its rebuild's rebuilds then. On PostgreSQL the
 * records are locked for the rebuild, and a start that finds them locked leaves the rebuild to the
 * start holding them rather than wait (it could wait longer than the statement timeout); the check
 * is repeated under the lock, so two starts at once rebuild once.
 */
async function rebuildWhereStale(store: Store, migrator: Migrator, ran: string[]): Promise<void> {
  const runs = new Map<string, string>()
  for (const migration of await migrator.getMigrations())
    if (migration.executedAt) runs.set(migration.name, migration.executedAt.toISOString())
  const staleIn = async (db: Db) => {
    const recorded = new Set(
      (await db.selectFrom('kept_rebuilds').selectAll().execute()).map((r) => `${r.kept} ${r.migration} ${r.executed_at}`),
    )
    return KEPT_FROM_APPEALS.map((kept) => ({ kept, after: kept.after.filter((name) => runs.has(name)) })).filter(({ kept, after }) =>
      after.some((name) => ran.includes(name) || !recorded.has(`${kept.name} ${name} ${runs.get(name)}`)),
    )
  }
  if ((await staleIn(store.db)).length === 0) return
  try {
    await store.db.transaction().execute(async (trx) => {
      if (store.dialect === 'postgres') await sql`lock table kept_rebuilds in exclusive mode nowait`.execute(trx)
      for (const { kept, after } of await staleIn(trx)) {
        await kept.rebuild(trx)
        await trx
          .insertInto('kept_rebuilds')
          .values(after.map((migration) => ({ kept: kept.name, migration, executed_at: runs.get(migration)! })))
          .onConflict((oc) => oc.columns(['kept', 'migration']).doUpdateSet((eb) => ({ executed_at: eb.ref('excluded.executed_at') })))
          .execute()
      }
    })
  } catch (error) {
    if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error
  }
}

/**
 * Policy search splits text into characters in the database (0028, 0034). In a database of
 * another encoding (SQL_ASCII above all, where a character is a byte) the pieces are cut from
 * bytes and searches miss policies without any error, so such a database is refused at the start
 * and at `npm run db:migrate`, before the deployment can serve a wrong answer.
 */
export async function requireUtf8(db: Db): Promise<void> {
  const { rows } = await sql<{ encoding: string }>`select current_setting('server_encoding') as encoding`.execute(db)
  const encoding = rows[0]?.encoding
  if (encoding !== 'UTF8')
    throw new Error(
      `the database's encoding is ${encoding}, not UTF8: create a database with ENCODING 'UTF8' (TencentDB's default) and move the data into it with pg_dump and pg_restore (docs/deploy.md)`,
    )
}

/** PostgreSQL's answer to a lock asked for with `nowait` that another transaction holds. */
const LOCK_NOT_AVAILABLE = '55P03'

/** The store's migrator: to the latest version (below), or to a given one (the tests of a migration's way back). */
export function migratorFor(store: Store): Migrator {
  return new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrations },
    // Its bookkeeping tables beside ours: with several schemas in one database, in the right one.
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
    // Areas built side by side land in any order: a store that already ran 0015 and 0016 still
    // takes 0014 when it arrives (each migration touches its own tables).
    allowUnorderedMigrations: true,
  })
}

/**
 * Brings the schema to the latest version; throws with the failing migration's name. A PostgreSQL
 * database that does not store text as UTF8 is refused before anything is written (requireUtf8).
 */
export async function migrateToLatest(store: Store): Promise<string[]> {
  if (store.dialect === 'postgres') await requireUtf8(store.db)
  const migrator = migratorFor(store)
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, { cause: error })
  }
  const ran = (results ?? []).map((r) => r.migrationName)
  // Derived data, so rebuilt by the code that defines it rather than frozen into a migration.
  await rebuildWhereStale(store, migrator, ran)
  return ran
}
