import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Database } from './database'

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
export async function openStore(url: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url)
  return openSqlite(url)
}

async function openSqlite(file: string): Promise<Store> {
  const { default: SQLite } = await import('better-sqlite3')
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new SQLite(file)
  // WAL lets readers proceed while one writer commits; NORMAL sync is durable across process
  // crashes in WAL mode, which is what a kill -9 of the server tests.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}

async function openPostgres(url: string): Promise<Store> {
  const pg = await import('pg')
  const { Pool, types } = pg.default ?? pg
  // Timestamps are stored as bigint epoch milliseconds; they fit a JS number exactly.
  types.setTypeParser(types.builtins.INT8, (value: string) => Number(value))
  const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', close: () => db.destroy() }
}
