import { PostgresAdapter, sql, type Kysely } from 'kysely'

/** The short columns a search filters, ranks and orders by, kept beside each FTS5 row. */
const SHORT = ['status', 'category', 'published_at', 'expires_at', 'title', 'summary', 'tags'] as const
const TEXT = ['title', 'summary', 'tags', 'body'] as const

/**
 * SQLite: a search found its matches in the FTS5 table and then looked each one up in
 * policies_search_idx (0030) by its text id; at 50,000 policies a common word is held by 18,000, and
 * those lookups were most of the search (17 of 39 ms). policy_search_rows replaces
 * policy_search_docs (0014): the same numbering of the FTS5 rows, now with the short columns beside
 * it, so the matches are read by the FTS5 rowid without touching the policies.
 *
 * The triggers keep the rows with every write of those columns, and the FTS5 row with every write
 * of the text. Both look the row up by the old id or the new one: SQLite does not promise the order
 * in which two triggers on one update run. PostgreSQL searches its pieces index (0028); nothing here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return
  await sql`
    create table policy_search_rows (
      doc integer primary key, id text not null unique, status text not null, category text not null,
      published_at text not null, expires_at text, title text not null, summary text not null, tags text not null
    )`.execute(db)
  const short = sql.raw(SHORT.join(', '))
  await sql`
    insert into policy_search_rows (doc, id, ${short})
    select d.doc, p.id, ${sql.raw(SHORT.map((c) => `p.${c}`).join(', '))} from policy_search_docs d join policies p on p.id = d.policy_id
  `.execute(db)
  for (const trigger of ['policies_search_insert', 'policies_search_update', 'policies_search_delete'])
    await sql`drop trigger ${sql.id(trigger)}`.execute(db)
  await sql`drop table policy_search_docs`.execute(db)

  const text = sql.raw(TEXT.join(', '))
  const textOf = (row: string) => sql.raw(TEXT.map((c) => `${row}.${c} || char(10, 10)`).join(', '))
  const docOf = sql`(select doc from policy_search_rows where id in (old.id, new.id))`
  await sql`
    create trigger policies_search_insert after insert on policies begin
      insert into policy_search_rows (id, ${short}) values (new.id, ${sql.raw(SHORT.map((c) => `new.${c}`).join(', '))});
      insert into policies_fts (rowid, ${text})
        values ((select doc from policy_search_rows where id = new.id), ${textOf('new')});
    end`.execute(db)
  await sql`
    create trigger policies_search_rows_update after update of id, ${short} on policies begin
      update policy_search_rows set id = new.id, ${sql.raw(SHORT.map((c) => `${c} = new.${c}`).join(', '))} where id = old.id;
    end`.execute(db)
  await sql`
    create trigger policies_search_text_update after update of ${text} on policies begin
      delete from policies_fts where rowid = ${docOf};
      insert into policies_fts (rowid, ${text}) values (${docOf}, ${textOf('new')});
    end`.execute(db)
  await sql`
    create trigger policies_search_delete after delete on policies begin
      delete from policies_fts where rowid = (select doc from policy_search_rows where id = old.id);
      delete from policy_search_rows where id = old.id;
    end`.execute(db)
}

/** Back to 0014's numbering alone, with its triggers. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return
  await sql`create table policy_search_docs (doc integer primary key, policy_id text not null unique)`.execute(db)
  await sql`insert into policy_search_docs (doc, policy_id) select doc, id from policy_search_rows`.execute(db)
  for (const trigger of ['policies_search_insert', 'policies_search_rows_update', 'policies_search_text_update', 'policies_search_delete'])
    await sql`drop trigger ${sql.id(trigger)}`.execute(db)
  await sql`drop table policy_search_rows`.execute(db)
  const text = sql.raw(TEXT.join(', '))
  const textOf = (row: string) => sql.raw(TEXT.map((c) => `${row}.${c} || char(10, 10)`).join(', '))
  await sql`
    create trigger policies_search_insert after insert on policies begin
      insert into policy_search_docs (policy_id) values (new.id);
      insert into policies_fts (rowid, ${text}) values ((select doc from policy_search_docs where policy_id = new.id), ${textOf('new')});
    end`.execute(db)
  await sql`
    create trigger policies_search_update after update of id, ${text} on policies begin
      update policy_search_docs set policy_id = new.id where policy_id = old.id;
      delete from policies_fts where rowid = (select doc from policy_search_docs where policy_id = new.id);
      insert into policies_fts (rowid, ${text}) values ((select doc from policy_search_docs where policy_id = new.id), ${textOf('new')});
    end`.execute(db)
  await sql`
    create trigger policies_search_delete after delete on policies begin
      delete from policies_fts where rowid = (select doc from policy_search_docs where policy_id = old.id);
      delete from policy_search_docs where policy_id = old.id;
    end`.execute(db)
}
