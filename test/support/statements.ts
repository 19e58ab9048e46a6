import { CompiledQuery, sql, type Kysely, type KyselyPlugin } from 'kysely'
import type { Dialect, Store } from '../../cloud/store/connect'
import type { Database } from '../../cloud/store/database'

/**
 * The store seen through a recorder: each statement sent through `db` is kept, compiled, so a test
 * can ask the database how it would run it.
 */
export function recordStatements(store: Store) {
  const statements: CompiledQuery[] = []
  const recorder: KyselyPlugin = {
    transformQuery: (args) => {
      statements.push(store.db.getExecutor().compileQuery(args.node, args.queryId))
      return args.node
    },
    transformResult: async (args) => args.result,
  }
  return { db: store.db.withPlugin(recorder), statements }
}

/**
 * How the database would run a statement, as text to look for an index or a sort in: SQLite's
 * `explain query plan`, or PostgreSQL's `explain` with the planner settings given in force (a test
 * town's few rows would be read whole whatever the index, so a test turns the whole read off).
 */
export async function planOf(store: Store, statement: CompiledQuery, postgresSettings: string[] = []): Promise<string> {
  return store.db.transaction().execute(async (trx) => {
    if (store.dialect === 'sqlite')
      return JSON.stringify(
        (await trx.executeQuery(CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters]))).rows,
      )
    for (const setting of postgresSettings) await trx.executeQuery(CompiledQuery.raw(`set local ${setting}`))
    return JSON.stringify((await trx.executeQuery(CompiledQuery.raw(`explain ${statement.sql}`, [...statement.parameters]))).rows)
  })
}

/** A setting of the connection `db` runs on: PostgreSQL's `show`, SQLite's `pragma`. */
export async function sessionSetting(db: Kysely<Database>, dialect: Dialect, name: string): Promise<unknown> {
  const { rows } = await sql.raw(`${dialect === 'postgres' ? 'show' : 'pragma'} ${name}`).execute(db)
  return Object.values(rows[0] as object)[0]
}
