import { sql } from 'kysely'
import { openStore } from '../../cloud/store/connect'
import { migrateToLatest, requireUtf8 } from '../../cloud/store/migrate'

/**
 * A PostgreSQL database that does not store text as UTF8 is refused before the schema is made:
 * policy search cuts text into characters in the database, and in SQL_ASCII a character is a
 * byte. PostgreSQL only: these run in `npm run test:postgres` and show as skipped in the SQLite run.
 */
const url = process.env.TEST_DATABASE_URL
const onPostgres = url ? describe : describe.skip

onPostgres('the database encoding on PostgreSQL', () => {
  const name = `bangban_ascii_${process.pid}`
  const admin = () => openStore(url!, { preparedStatements: false })

  beforeAll(async () => {
    const store = await admin()
    try {
      await sql`drop database if exists ${sql.id(name)}`.execute(store.db)
      await sql`create database ${sql.id(name)} encoding 'SQL_ASCII' lc_collate 'C' lc_ctype 'C' template template0`.execute(store.db)
    } finally {
      await store.close()
    }
  })

  afterAll(async () => {
    const store = await admin()
    try {
      await sql`drop database if exists ${sql.id(name)}`.execute(store.db)
    } finally {
      await store.close()
    }
  })

  it('a SQL_ASCII database is refused by name, and nothing is written to it', async () => {
    const ascii = new URL(url!)
    ascii.pathname = `/${name}`
    const store = await openStore(ascii.toString())
    try {
      await expect(migrateToLatest(store)).rejects.toThrow(/encoding is SQL_ASCII, not UTF8/)
      const { rows } = await sql<{ n: string }>`select count(*) as n from pg_tables where schemaname = 'public'`.execute(store.db)
      expect(Number(rows[0].n)).toBe(0)
    } finally {
      await store.close()
    }
  })

  it('the UTF8 database the tests run on passes', async () => {
    const store = await admin()
    try {
      await expect(requireUtf8(store.db)).resolves.toBeUndefined()
    } finally {
      await store.close()
    }
  })
})
