import { sql, type Kysely } from 'kysely'
import { openStore } from '../../cloud/store/connect'
import type { Database } from '../../cloud/store/database'
import { makeStore } from '../support/services'

/**
 * How the store's PostgreSQL sessions start (cloud/store/connect.ts). PostgreSQL only: these run in
 * `npm run test:postgres` (TEST_DATABASE_URL) and show as skipped in the SQLite run.
 */
const url = process.env.TEST_DATABASE_URL
const onPostgres = url ? describe : describe.skip

const show = async (db: Kysely<Database>, name: string) => Object.values((await sql.raw(`show ${name}`).execute(db)).rows[0] as object)[0]

onPostgres('PostgreSQL sessions', () => {
  it('start with JIT compilation and parallel workers off, on every connection of the pool', async () => {
    const store = await openStore(url!, { poolSize: 3 })
    try {
      // Three connections at once: each answers for its own session.
      const settings = await Promise.all(
        [0, 1, 2].map(() =>
          store.db.transaction().execute(async (trx) => {
            const both = [await show(trx, 'jit'), await show(trx, 'max_parallel_workers_per_gather')]
            await sql`select pg_sleep(0.05)`.execute(trx)
            return both
          }),
        ),
      )
      expect(settings).toEqual([
        ['off', '0'],
        ['off', '0'],
        ['off', '0'],
      ])
    } finally {
      await store.close()
    }
  })

  it('keep the settings the URL gives beside them', async () => {
    // The tests' stores name their schema in the URL's options.
    const store = await makeStore({ seed: false })
    try {
      expect(await show(store.db, 'search_path')).toBe(store.schema)
      expect([await show(store.db, 'jit'), await show(store.db, 'max_parallel_workers_per_gather')]).toEqual(['off', '0'])
    } finally {
      await store.close()
    }
  })
})
