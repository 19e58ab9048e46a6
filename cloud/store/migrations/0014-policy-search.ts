import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * Policy search through an index instead of reading every body.
 *
 * SQLite: an FTS5 table with the trigram tokenizer over title, summary, tags and body, kept by
 * triggers so every write (save, publish, withdraw, import, seed) updates it in its own
 * transaction. Its rows are numbered by policy_search_docs rather than by the policies' rowid,
 * which VACUUM may renumber on a table with a text key. Each column is stored with two newlines
 * after it: a search word never holds whitespace, so every 1- or 2-character word that occurs is
 * the start of some indexed trigram, which the search finds through the vocabulary table.
 *
 * PostgreSQL: pg_trgm GIN indexes on the same four columns, which the existing LIKE predicates
 * use as they are. The extension goes into `public` so that a database holding several schemas
 * (the tests' one per store) shares one copy that dropping a schema does not take away. Without
 * pg_trgm the search stays a scan, with the same results.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const available = await sql<{ n: number }>`select count(*)::int as n from pg_available_extensions where name = 'pg_trgm'`.execute(db)
    if (available.rows[0].n === 0) return
    // A role that may not install extensions keeps the scan rather than failing the migration.
    await sql`savepoint policy_search`.execute(db)
    try {
      await sql`create extension if not exists pg_trgm with schema public`.execute(db)
      await sql`release savepoint policy_search`.execute(db)
    } catch {
      await sql`rollback to savepoint policy_search`.execute(db)
      return
    }
    const { rows } = await sql<{ schema: string }>`
      select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'
    `.execute(db)
    const ops = sql`${sql.id(rows[0].schema)}.gin_trgm_ops`
    for (const column of ['title', 'summary', 'tags', 'body'])
      await sql`create index ${sql.id(`policies_${column}_trgm_idx`)} on policies using gin (${sql.id(column)} ${ops})`.execute(db)
    return
  }

  await sql`create table policy_search_docs (doc integer primary key, policy_id text not null unique)`.execute(db)
  await sql`create virtual table policies_fts using fts5(title, summary, tags, body, tokenize = 'trigram')`.execute(db)
  await sql`create virtual table policies_fts_terms using fts5vocab(policies_fts, 'row')`.execute(db)
  const values = (row: 'new' | 'p') => sql.raw(['title', 'summary', 'tags', 'body'].map((c) => `${row}.${c} || char(10, 10)`).join(', '))
  await sql`
    create trigger policies_search_insert after insert on policies begin
      insert into policy_search_docs (policy_id) values (new.id);
      insert into policies_fts (rowid, title, summary, tags, body)
        values ((select doc from policy_search_docs where policy_id = new.id), ${values('new')});
    end`.execute(db)
  await sql`
    create trigger policies_search_update after update of id, title, summary, tags, body on policies begin
      update policy_search_docs set policy_id = new.id where policy_id = old.id;
      delete from policies_fts where rowid = (select doc from policy_search_docs where policy_id = new.id);
      insert into policies_fts (rowid, title, summary, tags, body)
        values ((select doc from policy_search_docs where policy_id = new.id), ${values('new')});
    end`.execute(db)
  await sql`
    create trigger policies_search_delete after delete on policies begin
      delete from policies_fts where rowid = (select doc from policy_search_docs where policy_id = old.id);
      delete from policy_search_docs where policy_id = old.id;
    end`.execute(db)
  // The policies already there.
  await sql`insert into policy_search_docs (policy_id) select id from policies order by id`.execute(db)
  await sql`
    insert into policies_fts (rowid, title, summary, tags, body)
    select d.doc, ${values('p')} from policies p join policy_search_docs d on d.policy_id = p.id
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const column of ['title', 'summary', 'tags', 'body'])
      await sql`drop index if exists ${sql.id(`policies_${column}_trgm_idx`)}`.execute(db)
    return
  }
  for (const trigger of ['policies_search_insert', 'policies_search_update', 'policies_search_delete'])
    await sql`drop trigger if exists ${sql.id(trigger)}`.execute(db)
  await sql`drop table if exists policies_fts_terms`.execute(db)
  await sql`drop table if exists policies_fts`.execute(db)
  await sql`drop table if exists policy_search_docs`.execute(db)
}
