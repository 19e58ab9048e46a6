import { createHash } from 'node:crypto'
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely'
import type { Pool, PoolClient } from 'pg'

/** Distinct statements a pool names; past them, new ones are sent unnamed. */
export const PREPARED_LIMIT = 500

/**
 * Statements with more parameters than this go unnamed: the batches of the sweep and of bulk
 * writes, whose text changes with every batch size. Each such text would be a statement of its
 * own, of 100 KB and more, kept on every connection (250 sizes of one insert held 69 MB). The
 * requests' own statements have fewer (filing an appeal, the most: 61).
 */
export const PREPARED_PARAMETERS_LIMIT = 64

/**
 * The pool Kysely is given on PostgreSQL: each statement with parameters goes as a named prepared
 * statement, so a connection parses it once, and plans it once where a generic plan serves (from
 * its sixth run, when that plan is no costlier than planning anew). Planning was 40% of
 * PostgreSQL's time under the load bench: the inbox's page cost 0.6 ms to plan and 0.2 to run.
 *
 * A statement's name is a hash of its text, so a name means one statement in every process: behind
 * a pooler that does not keep prepared statements apart, a name from another process fails loudly
 * rather than running someone else's statement.
 *
 * A statement PostgreSQL can no longer run under its name fails once on the connection that
 * prepared it: its result changed shape after a migration (`select *` of a table that gained a
 * column), or the server lost it. Outside a transaction it is sent again unnamed; inside one the
 * error stands, as the transaction is already lost. Either way the connection is closed when
 * released, which frees its stale statements.
 */
export function preparingPool(pool: Pool, limit = PREPARED_LIMIT): PostgresPool {
  const names = new Map<string, string>()
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text)
    if (!name && names.size < limit) names.set(text, (name = `bangban_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`))
    return name
  }
  // One wrapper per connection, as Kysely keys its own state by the client it is given.
  const clients = new WeakMap<PoolClient, PostgresPoolClient>()
  return {
    connect: async () => {
      const client = await pool.connect()
      let wrapped = clients.get(client)
      if (!wrapped) clients.set(client, (wrapped = preparingClient(client, nameOf)))
      return wrapped
    },
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
    const named = parameters.length > 0 && parameters.length <= PREPARED_PARAMETERS_LIMIT && !stale
    const name = named ? nameOf(text) : undefined
    if (!name) return client.query(text, values) as unknown as Promise<PostgresQueryResult<R>>
    try {
      return (await client.query({ name, text, values })) as unknown as PostgresQueryResult<R>
    } catch (error) {
      if (!namedStatementLost(error)) throw error
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

/**
 * The statement's plan no longer fits its tables, or the server no longer has it. By SQLSTATE and
 * the server's routine, not the message: the message is in the server's language.
 */
function namedStatementLost(error: unknown): boolean {
  const { code, routine } = error as { code?: string; routine?: string }
  return (code === '0A000' && routine === 'RevalidateCachedQuery') || code === '26000'
}
