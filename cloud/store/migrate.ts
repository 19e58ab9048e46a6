import { Migrator } from 'kysely'
import type { Store } from './connect'
import { migrations } from './migrations'
import { rebuildDailyCounts } from './repositories/appeal-daily-counts'

/**
 * Migrations after which the kept daily counts are rewritten from the appeals: the one that made
 * the table, and any later one that changes what a figure counts (add its name here).
 */
const REBUILD_DAILY_COUNTS = new Set(['0027-appeal-daily-counts'])

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
  if (ran.some((name) => REBUILD_DAILY_COUNTS.has(name))) await store.db.transaction().execute((trx) => rebuildDailyCounts(trx))
  return ran
}
