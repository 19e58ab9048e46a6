import { PostgresAdapter, sql, type Kysely } from 'kysely'

const TRIGGERS = {
  policy_search_version_insert: sql`after insert on policies`,
  // The columns the FTS5 triggers follow (0040), and the id they are found by.
  policy_search_version_update: sql`after update of id, status, title, summary, tags, body on policies`,
  policy_search_version_delete: sql`after delete on policies`,
}

/** A random number of 53 bits, which JavaScript reads exactly. */
const RANDOM = sql`(random() >> 11)`

/**
 * SQLite: a number that changes, in the same transaction, with every write that can change what
 * the FTS5 table holds, so a search can keep what it read from the vocabulary (the trigrams a short
 * word starts) until the number changes. A random number rather than a count, so that two stores
 * (one restored from a copy of the other) do not come to share one. PostgreSQL: nothing here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return
  await sql`create table policy_search_version (version integer not null)`.execute(db)
  await sql`insert into policy_search_version (version) values (${RANDOM})`.execute(db)
  for (const [name, event] of Object.entries(TRIGGERS))
    await sql`create trigger ${sql.id(name)} ${event} begin update policy_search_version set version = ${RANDOM}; end`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return
  for (const name of Object.keys(TRIGGERS)) await sql`drop trigger ${sql.id(name)}`.execute(db)
  await sql`drop table policy_search_version`.execute(db)
}
