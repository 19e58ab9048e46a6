import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * Policy search for two-character words on PostgreSQL. Most Chinese search words are two
 * characters (退税, 贷款, 社保), and pg_trgm (0014) can serve a LIKE only from a whole trigram of the
 * pattern, so those searches read every policy. Here a GIN index holds the two-character pieces of
 * each policy's title, summary, tags and body (GIN keeps a piece once a policy), so a search asks
 * for the policies holding every piece of its words. A two-character word is its own piece and
 * needs nothing more; a longer one is then checked by its LIKE. The function is costed as the
 * read of a whole body it is, so that the planner never prefers working it out row by row to the
 * index. SQLite's FTS5 table (0014) already finds short words; it gets nothing here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  // One pass over the characters (substr at each place would walk the string from its start).
  await sql`
    create function policy_bigrams(doc text) returns text[] language plpgsql immutable strict parallel safe cost 10000 as $$
      declare
        pieces text[] := '{}';
        previous text;
        this text;
      begin
        foreach this in array string_to_array(doc, null) loop
          if previous is not null then pieces := pieces || (previous || this); end if;
          previous := this;
        end loop;
        return pieces;
      end
    $$`.execute(db)
  await sql`
    create index policies_bigrams_idx on policies
    using gin (policy_bigrams(title || E'\\n' || summary || E'\\n' || tags || E'\\n' || body))`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`drop index if exists policies_bigrams_idx`.execute(db)
  await sql`drop function if exists policy_bigrams(text)`.execute(db)
}
