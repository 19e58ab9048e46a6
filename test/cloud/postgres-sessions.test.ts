import { sql, type Kysely } from 'kysely'
import { openStore, withShortReads } from '../../cloud/store/connect'
import type { Database } from '../../cloud/store/database'
import { makeStore } from '../support/services'
import { sessionSetting } from '../support/statements'

/**
 * How the store's PostgreSQL sessions start (cloud/store/connect.ts). PostgreSQL only: these run in
 * `npm run test:postgres` (TEST_DATABASE_URL) and show as skipped in the SQLite run.
 */
const url = process.env.TEST_DATABASE_URL
const onPostgres = url ? describe : describe.skip

const show = (db: Kysely<Database>, name: string) => sessionSetting(db, 'postgres', name)

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

// Parsing alone: these run on every database.
describe('PostgreSQL connection settings', () => {
  const short = '-c jit=off -c max_parallel_workers_per_gather=0'

  it('put the short-read settings after the options a URL names, and take the options out of the URL', () => {
    const config = withShortReads(
      'postgres://bangban:secret@db.example:6432/bangban?options=-c%20search_path%3Dtown_a&application_name=api',
    )
    expect(config).toMatchObject({
      host: 'db.example',
      port: 6432,
      user: 'bangban',
      password: 'secret',
      database: 'bangban',
      application_name: 'api',
      options: `-c search_path=town_a ${short}`,
    })
    expect(config.connectionString).toBeUndefined()
  })

  it('give the short-read settings alone to a URL without options', () => {
    expect(withShortReads('postgresql://localhost/bangban')).toMatchObject({ host: 'localhost', database: 'bangban', options: short })
  })

  it('keep both for a URL that reaches the server by its socket', () => {
    // A user with an empty host: a URL the WHATWG parser refuses, whose options were once dropped.
    const config = withShortReads('postgres://bangban@/bangban?host=/var/run/postgresql&options=-c%20statement_timeout%3D5s')
    expect(config).toMatchObject({
      host: '/var/run/postgresql',
      database: 'bangban',
      user: 'bangban',
      options: `-c statement_timeout=5s ${short}`,
    })
  })
})
