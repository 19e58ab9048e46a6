import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * PostgreSQL: indexes of the pieces (0034) of each policy's title, and of its summary and tags, so
 * that a search can read its page from the policies holding the words there, which rank above the
 * rest, without visiting and ranking every match (repositories/policies.ts, the parts of the
 * matches). At 50,000 policies 贷款 is held by 18,422 policies and by 7,896 titles. A title or a
 * summary is short: the two indexes are 6 and 18 MB beside the whole text's 607, and a write works
 * out a few hundred pieces more. SQLite's FTS5 table (0014) answers the same by its columns; nothing
 * here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  // The expressions are the repository's TITLE_PIECES and SUMMARY_TAGS_PIECES, word for word.
  await sql`create index policies_title_pieces_idx on policies using gin (policy_pieces(title))`.execute(db)
  await sql`create index policies_summary_tags_pieces_idx on policies using gin (policy_pieces(summary || E'\\n' || tags))`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`drop index policies_summary_tags_pieces_idx`.execute(db)
  await sql`drop index policies_title_pieces_idx`.execute(db)
}
