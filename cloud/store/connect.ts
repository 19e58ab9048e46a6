import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type KyselyConfig,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ClientConfig } from 'pg'
import { parseIntoClientConfig } from 'pg-connection-string'
import type { Database } from './database'
import { preparingPool } from './prepared-statements'

export type Dialect = 'sqlite' | 'postgres'

export interface Store {
  db: Kysely<Database>
  dialect: Dialect
  /** The PostgreSQL schema the store lives in, when it is not the default one. */
  schema?: string
  close(): Promise<void>
}

/**
 * Opens the store named by a DATABASE_URL: `postgres://…` for PostgreSQL, anything else is a
 * SQLite file path (`:memory:` for tests). The drivers are loaded on demand so that the cloud
 * function bundle needs only the one it uses.
 */
export async function openStore(url: string, options: PoolOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options)
  return openSqlite(url, options)
}

export interface PoolOptions {
  /** Connections per process: 10 for the local host, 2 for a warm cloud-function instance. */
  poolSize?: number
  /** PostgreSQL: statements with parameters sent as named prepared statements (prepared-statements.ts). On unless false. */
  preparedStatements?: boolean
  /** Where a lost idle connection is reported (a frozen instance's sockets die while it sleeps). */
  onError?: (error: Error) => void
  /** Called with each statement sent (begin and commit too): the benchmarks count round trips by it. */
  onQuery?: (sql: string) => void
}

const queryLog = (onQuery: PoolOptions['onQuery']): KyselyConfig['log'] => (onQuery ? (event) => onQuery(event.query.sql) : undefined)

/** The page cache of each SQLite connection, in KiB (a negative cache_size is read as KiB). */
const SQLITE_CACHE_KIB = 64 * 1024

async function openSqlite(file: string, { onQuery }: PoolOptions): Promise<Store> {
  const { default: SQLite } = await import('better-sqlite3')
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new SQLite(file)
  // WAL lets readers proceed while one writer commits; NORMAL sync is durable across process
  // crashes in WAL mode, which is what a kill -9 of the server tests.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // better-sqlite3 builds SQLite with a 16 MB page cache; past it every page read is a system call
  // into the OS cache. A search for a common word at 50,000 policies reads more than that (the FTS5
  // doclists and the rows they lead to) and took 40% longer through the smaller cache.
  sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`)
  const db = new Kysely<Database>({ dialect: new TruthfulSqliteDialect({ database: keptStatements(sqlite) }), log: queryLog(onQuery) })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}

/**
 * Statements a SQLite connection keeps compiled, the least recently used dropped first: short ones,
 * and long ones (a batch of many rows), which are few and each much larger compiled.
 */
const SQLITE_KEPT = { short: 200, long: 16 }
/** A statement's text past this many characters is a long one. */
const LONG_STATEMENT = 4_000

/**
 * The connection Kysely is given on SQLite: a statement's text is compiled once and kept, where
 * better-sqlite3 alone compiles it on every run. The sweep's batches repeat a few texts of 250 rows,
 * whose hundred compiles were 0.3 s of its 2.2. SQLite compiles a kept statement again by itself
 * when a migration has changed the schema.
 */
export function keptStatements(sqlite: SqliteDatabase, limits = SQLITE_KEPT): SqliteDatabase {
  const short = new Map<string, SqliteStatement>()
  const long = new Map<string, SqliteStatement>()
  return {
    close: () => sqlite.close(),
    prepare(text) {
      const [kept, limit] = text.length > LONG_STATEMENT ? [long, limits.long] : [short, limits.short]
      let statement = kept.get(text)
      if (statement) kept.delete(text)
      else {
        statement = sqlite.prepare(text)
        if (kept.size >= limit) kept.delete(kept.keys().next().value!)
      }
      // A Map iterates in insertion order: set again, the statement becomes the most recent.
      kept.set(text, statement)
      return statement
    },
  }
}

/**
 * SQLite rolls a transaction back by itself when a statement in it fails for want of space or on
 * an I/O error (SQLITE_FULL, SQLITE_IOERR). Kysely then asks for a rollback of its own, which fails
 * with "cannot rollback - no transaction is active" and hides the real cause. This driver lets that
 * second rollback be a no-op, so the error that reaches the log is the one that happened.
 */
class TruthfulSqliteDialect extends SqliteDialect {
  createDriver(): Driver {
    const driver = super.createDriver()
    const rollback = driver.rollbackTransaction.bind(driver)
    driver.rollbackTransaction = async (connection: DatabaseConnection) => {
      try {
        await rollback(connection)
      } catch (error) {
        if (!/no transaction is active/.test(String(error))) throw error
      }
    }
    return driver
  }
}

/**
 * Every read here is short: a page, or figures kept per day. On a small instance the planner's
 * parallel workers and JIT compilation cost more than such a read (a month's bulletin at a million
 * appeals: 50 ms at p50 with workers started for its fresh part, 16 ms without; docs/scale.md), so
 * a pool's sessions start with both off.
 */
const SHORT_READS = '-c jit=off -c max_parallel_workers_per_gather=0'

/**
 * The pool's settings from a connection string, with SHORT_READS after any startup options it
 * names: pg lets a connection string's options replace the pool's own, so the string is parsed
 * here, by the parser pg uses, and passed on as settings.
 */
export function withShortReads(url: string): ClientConfig {
  const config = parseIntoClientConfig(url)
  return { ...config, options: config.options ? `${config.options} ${SHORT_READS}` : SHORT_READS }
}

async function openPostgres(url: string, { poolSize = 10, preparedStatements = true, onError, onQuery }: PoolOptions): Promise<Store> {
  const pg = await import('pg')
  const { Pool, types } = pg.default ?? pg
  // Timestamps are stored as bigint epoch milliseconds; they fit a JS number exactly.
  types.setTypeParser(types.builtins.INT8, (value: string) => Number(value))
  const pool = new Pool({
    ...withShortReads(url),
    max: poolSize,
    // Idle connections are closed before a sleeping cloud-function instance's sockets go stale; a
    // new call after a thaw opens fresh ones. A statement that hangs is cut off rather than holding
    // a call (and its connection) until the platform kills it.
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    statement_timeout: 15_000,
    idle_in_transaction_session_timeout: 15_000,
    // An idle pool does not keep a process alive (a script, a test); the local host's server does.
    allowExitOnIdle: true,
  })
  // An idle client whose socket dies (the instance was frozen, the server restarted) emits 'error'
  // on the pool; unhandled, that would crash the process. The pool drops it and the next query
  // gets a new connection.
  pool.on('error', (error: Error) => onError?.(error))
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: preparedStatements ? preparingPool(pool) : pool }),
    log: queryLog(onQuery),
  })
  return { db, dialect: 'postgres', close: () => db.destroy() }
}
