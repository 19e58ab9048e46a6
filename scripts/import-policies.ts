import { join } from 'node:path'
import { systemClock } from '../cloud/domain/clock'
import { SEEDS_DIR } from '../cloud/store/seed'
import { importPolicies } from '../cloud/workflows/import-policies'
import { runWithStore } from './with-store'

/** `npm run policies:import [folder]`: imports the explainers (default seeds/policies) into DATABASE_URL's store. */
runWithStore(async (store) => {
  const dir = process.argv[2] ?? join(SEEDS_DIR, 'policies')
  const result = await importPolicies(store.db, dir, systemClock.now(), { info: () => {}, error: console.error })
  console.log(`${result.created} new, ${result.updated} updated; ${result.notified} owners told of new policies`)
})
