import { readSettings, SettingsError, type Settings } from '../cloud/app/settings'
import { openStore, type Store } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'

/**
 * A command-line task on the store named by DATABASE_URL (the local SQLite file by default), with
 * the same settings the host would read: migrate first unless told not to, do the work, close.
 * A bad setting or a failure is printed and exits 1.
 */
export function runWithStore(work: (store: Store, settings: Settings) => Promise<void>, { migrate = true } = {}): void {
  const run = async () => {
    const settings = readSettings(process.env, 'local')
    const store = await openStore(settings.databaseUrl, { poolSize: 2, preparedStatements: settings.databasePreparedStatements })
    try {
      if (migrate) await migrateToLatest(store)
      await work(store, settings)
    } finally {
      await store.close()
    }
  }
  run().catch((error) => {
    console.error(error instanceof SettingsError ? error.message : error)
    process.exit(1)
  })
}
