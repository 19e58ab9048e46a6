import { sql } from 'kysely'
import { Pool } from 'pg'
import { PREPARED_PARAMETERS_LIMIT, preparingPool } from '../../cloud/store/prepared-statements'
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

    it('names a statement by its text, the same in every pool, and leaves one with many parameters unnamed', async () => {
      const many = Array.from({ length: PREPARED_PARAMETERS_LIMIT + 1 }, (_, i) => `$${i + 1}::int`).join(' + ')
      const fewest = Array.from({ length: PREPARED_PARAMETERS_LIMIT }, (_, i) => `$${i + 1}::int`).join(' + ')
      const own = await onConnection(async (query) => {
        expect(await query(`select ${many} as n`, Array(PREPARED_PARAMETERS_LIMIT + 1).fill(1))).toEqual([
          { n: PREPARED_PARAMETERS_LIMIT + 1 },
        ])
        expect(await query(`select ${fewest} as n`, Array(PREPARED_PARAMETERS_LIMIT).fill(1))).toEqual([{ n: PREPARED_PARAMETERS_LIMIT }])
        await query('select $1::int as n', [1])
        return (await query(prepared)) as Prepared[]
      })
      expect(own.map((s) => s.statement).sort()).toEqual(['select $1::int as n', `select ${fewest} as n`].sort())
      // Another pool (another process, behind a pooler) gives the same text the same name.
      const other = new Pool({ connectionString: url, max: 1 })
      const elsewhere = preparingPool(other)
      try {
        const connection = await elsewhere.connect()
        await connection.query('select $1::int as n', [1])
        const theirs = (await connection.query<Prepared>(prepared, [])).rows
        connection.release()
        expect(theirs.map((s) => s.name)).toEqual(own.filter((s) => s.statement === 'select $1::int as n').map((s) => s.name))
      } finally {
        await elsewhere.end()
      }
    })

    it('a statement the server no longer has is sent again unnamed, and its connection closed when released', async () => {
      const before = await backend()
      const rows = await onConnection(async (query) => {
        expect(await query('select $1::int + 1 as n', [1])).toEqual([{ n: 2 }])
        await query('deallocate all') // behind the driver's back: it still takes the statement for prepared
        return query('select $1::int + 1 as n', [2])
      })
      expect(rows).toEqual([{ n: 3 }])
      expect(await backend()).not.toEqual(before)
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

describe('prepared statements: a lost statement known by its code, not its words', () => {
  /** A client whose named statements fail once as PostgreSQL in Chinese would say the plan is stale. */
  function chineseServer() {
    const sent: { named: boolean }[] = []
    const released: unknown[] = []
    let failed = false
    const client = {
      query: async (config: string | { name: string }) => {
        sent.push({ named: typeof config !== 'string' })
        if (typeof config !== 'string' && !failed) {
          failed = true
          throw Object.assign(new Error('已缓冲的计划不能改变结果类型'), { code: '0A000', routine: 'RevalidateCachedQuery' })
        }
        return { command: 'SELECT', rowCount: 1, rows: [{ n: 1 }] }
      },
      release: (destroy?: boolean) => released.push(destroy),
    }
    const pool = { connect: async () => client, end: async () => {} } as unknown as Pool
    return { pool, sent, released }
  }

  it('outside a transaction: sent again unnamed, then unnamed until the connection is closed', async () => {
    const { pool, sent, released } = chineseServer()
    const connection = await preparingPool(pool).connect()
    expect((await connection.query('select $1 as n', [1])).rows).toEqual([{ n: 1 }])
    expect((await connection.query('select $1 as n', [1])).rows).toEqual([{ n: 1 }])
    connection.release()
    expect(sent).toEqual([{ named: true }, { named: false }, { named: false }])
    expect(released).toEqual([true])
  })

  it('inside a transaction: the error stands', async () => {
    const { pool, released } = chineseServer()
    const connection = await preparingPool(pool).connect()
    await connection.query('begin', [])
    await expect(connection.query('select $1 as n', [1])).rejects.toMatchObject({ code: '0A000' })
    await connection.query('rollback', [])
    connection.release()
    expect(released).toEqual([true])
  })
})
