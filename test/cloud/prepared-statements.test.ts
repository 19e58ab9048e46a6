import { sql } from 'kysely'
import { Pool } from 'pg'
import { preparingPool } from '../../cloud/store/prepared-statements'
import { openStore } from '../../cloud/store/connect'
import { makeStore } from '../support/services'

/**
 * The PostgreSQL pool that sends statements as named prepared statements. PostgreSQL only: these
 * run in `npm run test:postgres` (TEST_DATABASE_URL) and show as skipped in the SQLite run.
 */
const url = process.env.TEST_DATABASE_URL
const onPostgres = url ? describe : describe.skip

interface Prepared {
  name: string
  statement: string
  generic_plans: string
  custom_plans: string
}
const prepared = `select name, statement, generic_plans, custom_plans from pg_prepared_statements order by name`

onPostgres('prepared statements on PostgreSQL', () => {
  it('the store prepares a statement with parameters once per connection and runs it again by name', async () => {
    const store = await makeStore({ seed: false })
    try {
      const { statements, compiled } = await store.db.connection().execute(async (db) => {
        const query = db.selectFrom('users').select('id').where('id', '=', 'nobody')
        for (let i = 0; i < 7; i++) expect(await query.execute()).toEqual([])
        await sql`select 1`.execute(db) // no parameters: sent as it is
        return { statements: (await sql<Prepared>`${sql.raw(prepared)}`.execute(db)).rows, compiled: query.compile().sql }
      })
      const own = statements.filter((s) => s.statement === compiled)
      expect(own).toHaveLength(1)
      expect(Number(own[0].generic_plans) + Number(own[0].custom_plans)).toBe(7)
      expect(statements.some((s) => s.statement === 'select 1')).toBe(false)
    } finally {
      await store.close()
    }
  })

  it('a store opened without them sends every statement unnamed', async () => {
    const named = await makeStore({ seed: false })
    const store = await openStore(process.env.TEST_DATABASE_URL!, { preparedStatements: false })
    try {
      const statements = await store.db.connection().execute(async (db) => {
        // The schema of a test store, so the lookup finds a table; the statement is what matters.
        await sql`set search_path to ${sql.id(named.schema!)}`.execute(db)
        for (let i = 0; i < 7; i++) expect(await db.selectFrom('users').select('id').where('id', '=', 'nobody').execute()).toEqual([])
        return (await sql<Prepared>`${sql.raw(prepared)}`.execute(db)).rows
      })
      expect(statements).toEqual([])
    } finally {
      await store.close()
      await named.close()
    }
  })

  describe('on a pool of one connection', () => {
    let pool: Pool
    let client: ReturnType<typeof preparingPool>
    beforeEach(() => {
      pool = new Pool({ connectionString: url, max: 1 })
      client = preparingPool(pool, 2)
    })
    afterEach(() => client.end())

    async function onConnection<T>(work: (query: (text: string, values?: unknown[]) => Promise<unknown[]>) => Promise<T>) {
      const connection = await client.connect()
      try {
        return await work(async (text, values = []) => (await connection.query<unknown>(text, values)).rows)
      } finally {
        connection.release()
      }
    }
    const backend = () => onConnection(async (query) => (await query('select pg_backend_pid() as pid'))[0])

    it('names as many distinct statements as its limit, and sends the rest unnamed with the same answers', async () => {
      const answers = await onConnection(async (query) => {
        const sums = []
        for (const add of [1, 2, 3, 1, 3]) sums.push(await query(`select $1::int + ${add} as n`, [10]))
        return { sums, statements: await query(prepared) }
      })
      expect(answers.sums).toEqual([[{ n: 11 }], [{ n: 12 }], [{ n: 13 }], [{ n: 11 }], [{ n: 13 }]])
      expect((answers.statements as Prepared[]).map((s) => s.statement)).toEqual(['select $1::int + 1 as n', 'select $1::int + 2 as n'])
    })

    it('a statement prepared before its table changed shape is sent again unnamed, and its connection closed when released', async () => {
      const before = await backend()
      const rows = await onConnection(async (query) => {
        await query('create temporary table shaped (id int, a text)')
        await query(`insert into shaped values (1, 'x')`)
        expect(await query('select * from shaped where id = $1', [1])).toEqual([{ id: 1, a: 'x' }])
        await query('alter table shaped add column b text')
        return query('select * from shaped where id = $1', [1])
      })
      expect(rows).toEqual([{ id: 1, a: 'x', b: null }])
      // The connection that held the stale statement is gone: the pool's one connection is new.
      expect(await backend()).not.toEqual(before)
    })

    it('inside a transaction the error stands, and the next connection answers', async () => {
      const error = await onConnection(async (query) => {
        await query('create temporary table shaped (id int, a text)')
        await query('select * from shaped where id = $1', [1])
        await query('alter table shaped add column b text')
        await query('begin')
        return query('select * from shaped where id = $1', [1]).then(
          () => null,
          (e: Error) => e.message,
        )
      })
      expect(error).toMatch(/cached plan must not change result type/)
      expect(await onConnection((query) => query('select $1::int + 1 as n', [1]))).toEqual([{ n: 2 }])
    })
  })
})
