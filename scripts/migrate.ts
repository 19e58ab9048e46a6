import { openStore } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'

/** `npm run db:migrate`: brings the store named by DATABASE_URL to the latest schema (run on deploy). */
async function run(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'data/bangban.sqlite'
  const store = await openStore(url)
  try {
    const applied = await migrateToLatest(store)
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date')
  } finally {
    await store.close()
  }
}

run().catch((error) => {
  console.error(error)
  process.exit(1)
})
