import { Migrator } from 'kysely'
import type { Store } from './connect'
import { migrations } from './migrations'
import type { Db } from './database'
import { rebuildDailyCounts } from './repositories/appeal-daily-counts'
import { rebuildDueHours } from './repositories/appeal-due-hours'

/**
 * The tables kept from the appeals, each with the migrations after which it is rewritten from
 * them: the one that made it, and any later one that changes what it counts (add its name here).
 */
const KEPT_FROM_APPEALS: { rebuild: (db: Db) => Promise<void>; after: string[] }[] = [
  { rebuild: rebuildDailyCounts, after: ['0027-appeal-daily-counts'] },
  { rebuild: rebuildDueHours, after: ['0031-appeal-due-hours'] },
]

function rebuild(db: Db, tables: typeof KEPT_FROM_APPEALS): Promise<void> {
  return db.transaction().execute(async (trx) => {
    for (const kept of tables) await kept.rebuild(trx)
  })
}

/** Rewrites every table kept from the appeals, in one transaction: after a bulk load that wrote past the store. */
export const rebuildKeptCounts = (db: Db) => rebuild(db, KEPT_FROM_APPEALS)

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

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const { error, results } = await migratorFor(store).migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, { cause: error })
  }
  const ran = (results ?? []).map((r) => r.migrationName)
  // Derived data, so rebuilt by the code that defines it rather than frozen into a migration.
  const stale = KEPT_FROM_APPEALS.filter((kept) => kept.after.some((name) => ran.includes(name)))
  if (stale.length) await rebuild(store.db, stale)
  return ran
}
