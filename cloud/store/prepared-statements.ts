import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely'
import type { Pool, PoolClient } from 'pg'

/** Distinct statements a pool names; past them, new ones are sent unnamed (an IN list of every length). */
export const PREPARED_LIMIT = 1_000

/**
 * The pool Kysely is given on PostgreSQL: each statement with parameters goes as a named prepared
 * statement, so a connection parses and plans it once, not at every request. Planning was 40% of
 * PostgreSQL's time under the load bench (the inbox's list cost 0.6 ms to plan and 0.2 to run).
 * From its sixth run PostgreSQL keeps a generic plan when that is no costlier than planning anew.
 *
 * A statement whose result changes shape after a migration (`select *` of a table that gained a
 * column) fails once on each connection that prepared it ("cached plan must not change result
 * type"). Outside a transaction it is sent again unnamed; inside one the error stands, as the
 * transaction is already lost. Either way the connection is closed when released, which frees
 * its stale statements.
 */
export function preparingPool(pool: Pool, limit = PREPARED_LIMIT): PostgresPool {
  const names = new Map<string, string>()
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text)
    if (!name && names.size < limit) names.set(text, (name = `bangban_${names.size}`))
    return name
  }
  return {
    connect: async () => preparingClient(await pool.connect(), nameOf),
    end: () => pool.end(),
  }
}

function preparingClient(client: PoolClient, nameOf: (text: string) => string | undefined): PostgresPoolClient {
  let inTransaction = false
  let stale = false
  async function run<R>(text: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    if (/^(begin|start transaction)\b/i.test(text)) inTransaction = true
    else if (/^(commit|rollback)$/i.test(text)) inTransaction = false
    const values = [...parameters]
    const name = parameters.length && !stale ? nameOf(text) : undefined
    if (!name) return client.query(text, values) as unknown as Promise<PostgresQueryResult<R>>
    try {
      return (await client.query({ name, text, values })) as unknown as PostgresQueryResult<R>
    } catch (error) {
      if (!planOutlivedItsTable(error)) throw error
      stale = true
      if (inTransaction) throw error
      return client.query(text, values) as unknown as Promise<PostgresQueryResult<R>>
    }
  }
  return {
    query: ((textOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) =>
      typeof textOrCursor === 'string'
        ? run(textOrCursor, parameters ?? [])
        : client.query(textOrCursor as never)) as PostgresPoolClient['query'],
    release: () => client.release(stale),
  }
}

function planOutlivedItsTable(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string }
  return code === '0A000' && /cached plan must not change result type/.test(message ?? '')
}
