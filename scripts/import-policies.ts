import { importPolicies } from '../cloud/workflows/import-policies'
import { systemClock } from '../cloud/domain/clock'
import { openStore } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'
import { SEEDS_DIR } from '../cloud/store/seed'
import { join } from 'node:path'

/** `npm run policies:import [folder]`: imports the explainers (default seeds/policies) into DATABASE_URL's store. */
async function run(): Promise<void> {
  const dir = process.argv[2] ?? join(SEEDS_DIR, 'policies')
  const store = await openStore(process.env.DATABASE_URL ?? 'data/bangban.sqlite')
  try {
    await migrateToLatest(store)
    const result = await importPolicies(store.db, dir, systemClock.now(), { info: () => {}, error: console.error })
    console.log(`${result.created} new, ${result.updated} updated; ${result.notified} owners told of new policies`)
  } finally {
    await store.close()
  }
}

run().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
