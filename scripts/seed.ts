import { systemClock } from '../cloud/domain/clock'
import { openStore } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'
import { seedIfEmpty } from '../cloud/store/seed'

/** `npm run db:seed`: migrates and seeds the store named by DATABASE_URL, if it is empty. */
async function run(): Promise<void> {
  const store = await openStore(process.env.DATABASE_URL ?? 'data/bangban.sqlite')
  try {
    await migrateToLatest(store)
    console.log((await seedIfEmpty(store, systemClock, undefined, { demo: true })) ? 'seeded' : 'store already has data; left as it is')
  } finally {
    await store.close()
  }
}

run().catch((error) => {
  console.error(error)
  process.exit(1)
})
