import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * A search ranks every policy that holds its words, and at 50,000 policies a common word is held
 * by thousands. Only the rank and the order are worked out for all of them; the page's twenty
 * rows are read after.
 *
 * SQLite: the policies' body comes before their tags, dates and status in each row, so reading
 * those walks the body's overflow pages. An index holding the short columns answers the ranking
 * without the table. Status leads its key, so that a search's two conditions (published, and an id
 * the FTS5 table found) choose it over the primary key, which SQLite otherwise prefers for a lookup
 * by id when it has no statistics (and it has none unless someone runs ANALYZE).
 *
 * PostgreSQL: the pieces index (0028) now leads every search of a word of two characters or more,
 * and pg_trgm cannot serve a shorter one, so its four indexes (0014) only cost writes. Worse, the
 * planner could AND a longer word's trigram bitmap with the pieces bitmap; each row's recheck then
 * worked the whole body's pieces out again (1.4 s for 制造业 缓税 at 50,000 policies).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const column of ['title', 'summary', 'tags', 'body']) await db.schema.dropIndex(`policies_${column}_trgm_idx`).ifExists().execute()
    return
  }
  await db.schema
    .createIndex('policies_search_idx')
    .on('policies')
    .columns(['status', 'id', 'published_at', 'expires_at', 'category', 'title', 'summary', 'tags'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return db.schema.dropIndex('policies_search_idx').execute()
  // Back as 0014 left them: only where pg_trgm is installed.
  const { rows } = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'
  `.execute(db)
  if (rows.length === 0) return
  for (const column of ['title', 'summary', 'tags', 'body'])
    await sql`create index ${sql.id(`policies_${column}_trgm_idx`)} on policies using gin (${sql.id(column)} ${sql.id(rows[0].schema)}.gin_trgm_ops)`.execute(
      db,
    )
}
