import { migrateToLatest } from '../cloud/store/migrate'
import { runWithStore } from './with-store'

/**
 * `npm run db:migrate`: brings the store named by DATABASE_URL to the latest schema. Run once per
 * deploy, before the new cloud function takes calls; Kysely's migration lock keeps two runs apart.
 */
runWithStore(
  async (store) => {
    const applied = await migrateToLatest(store)
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date')
  },
  { migrate: false },
)
