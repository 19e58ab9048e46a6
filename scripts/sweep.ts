import { sweepAppeals } from '../cloud/workflows/supervision-sweep'
import { deadlinesFromEnv } from '../cloud/app/deadline-config'
import { readVisitFrequency } from '../cloud/domain/visit/periods'
import { systemClock } from '../cloud/domain/clock'
import { openStore } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'

/** `npm run sweep`: one supervision sweep over the store named by DATABASE_URL. */
async function run(): Promise<void> {
  const store = await openStore(process.env.DATABASE_URL ?? 'data/bangban.sqlite')
  try {
    await migrateToLatest(store)
    const result = await sweepAppeals({ db: store.db, clock: systemClock, deadlines: deadlinesFromEnv(process.env, systemClock.now(), console), visitFrequency: readVisitFrequency(process.env), log: console })
    console.log(`checked ${result.checked} appeals, ${result.stepped} reminded or escalated`)
  } finally {
    await store.close()
  }
}

run().catch((error) => {
  console.error(error)
  process.exit(1)
})
