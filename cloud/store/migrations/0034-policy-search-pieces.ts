import { PostgresAdapter, sql, type Kysely } from 'kysely'

const DOC = sql.raw(`title || E'\\n' || summary || E'\\n' || tags || E'\\n' || body`)

/**
 * PostgreSQL: the pieces index holds each policy's three-character pieces beside its two-character
 * ones. A word of three characters is then its own piece and needs nothing more, where it used to
 * be confirmed in the body of every policy holding its two pairs (制造业 缓税 at 50,000 policies:
 * 33 ms, 5,263 bodies read; now 11). A longer word is looked for by its three-character pieces,
 * which fewer policies hold than its pairs. The index is about twice the size (281 MB against 133
 * at 50,000 policies), and the build holds writes to the policies while it runs (about two minutes
 * at 50,000; a county's few hundred take a second). SQLite's FTS5 table (0014) is made of trigrams
 * already; nothing here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  // One pass over the characters, as 0028's; costed as the read of a whole body, for the same reason.
  await sql`
    create function policy_pieces(doc text) returns text[] language plpgsql immutable strict parallel safe cost 10000 as $$
      declare
        pieces text[] := '{}';
        before text;
        previous text;
        this text;
      begin
        foreach this in array string_to_array(doc, null) loop
          if previous is not null then
            pieces := pieces || (previous || this);
            if before is not null then pieces := pieces || (before || previous || this); end if;
          end if;
          before := previous;
          previous := this;
        end loop;
        return pieces;
      end
    $$`.execute(db)
  await sql`create index policies_pieces_idx on policies using gin (policy_pieces(${DOC}))`.execute(db)
  // No statistics of the pieces: ANALYZE would work them out for every policy it samples (30,000
  // at 0.5 ms each: 24 s at 50,000 policies, past the statement timeout), and the search's plans
  // are the same without them.
  await sql`alter index policies_pieces_idx alter column 1 set statistics 0`.execute(db)
  await sql`drop index policies_bigrams_idx`.execute(db)
  // policy_bigrams stays: the function deployed before this migration calls it until the new one is
  // uploaded (docs/deploy.md migrates first), and its searches then read every policy, not fail.
}

/** Back to 0028's pairs alone. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`create index policies_bigrams_idx on policies using gin (policy_bigrams(${DOC}))`.execute(db)
  await sql`drop index policies_pieces_idx`.execute(db)
  await sql`drop function policy_pieces(text)`.execute(db)
}
