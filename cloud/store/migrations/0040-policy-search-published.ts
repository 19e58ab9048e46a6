import { PostgresAdapter, sql, type Kysely } from 'kysely'

const TEXT = ['title', 'summary', 'tags', 'body'] as const
const text = sql.raw(TEXT.join(', '))
const textOf = (row: string) => sql.raw(TEXT.map((c) => `${row}.${c} || char(10, 10)`).join(', '))
const docOf = sql`(select doc from policy_search_rows where id in (old.id, new.id))`

/**
 * SQLite: the FTS5 table holds the published policies alone, the only ones a search reads. A
 * search's total is then the FTS5 table's own count of the words, with no row of
 * policy_search_rows read to learn its status (贷款 at 50,000 policies: 18,000 matches, counted
 * in 5 ms where reading their rows took 13), and a draft's words are not in the vocabulary that
 * short words are looked up in. The text trigger of 0032 now also follows the status, and the rows
 * (policy_search_rows) still hold every policy, numbered as before.
 *
 * The vocabulary can be read per column too (policies_fts_columns, beside 0014's): how many
 * policies hold a trigram in their title, or in the short columns, tells a search for one word
 * whether those alone fill its page. PostgreSQL: nothing here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return
  await triggers(db, true)
  await sql`delete from policies_fts where rowid in (select doc from policy_search_rows where status <> 'published')`.execute(db)
  await sql`create virtual table policies_fts_columns using fts5vocab(policies_fts, 'col')`.execute(db)
}

/** Back to 0032's triggers, with every policy's text indexed again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return
  await sql`drop table policies_fts_columns`.execute(db)
  await triggers(db, false)
  await sql`
    insert into policies_fts (rowid, ${text})
    select r.doc, ${sql.raw(TEXT.map((c) => `p.${c} || char(10, 10)`).join(', '))}
    from policy_search_rows r join policies p on p.id = r.id where r.status <> 'published'
  `.execute(db)
}

/** 0032's insert and text triggers, writing the FTS5 row for a published policy alone (0040) or for every one (0032). */
async function triggers(db: Kysely<unknown>, publishedOnly: boolean): Promise<void> {
  const published = publishedOnly ? sql`where new.status = 'published'` : sql``
  for (const trigger of ['policies_search_insert', 'policies_search_text_update']) await sql`drop trigger ${sql.id(trigger)}`.execute(db)
  const short = ['status', 'category', 'published_at', 'expires_at', 'title', 'summary', 'tags']
  await sql`
    create trigger policies_search_insert after insert on policies begin
      insert into policy_search_rows (id, ${sql.raw(short.join(', '))}) values (new.id, ${sql.raw(short.map((c) => `new.${c}`).join(', '))});
      insert into policies_fts (rowid, ${text})
        select (select doc from policy_search_rows where id = new.id), ${textOf('new')} ${published};
    end`.execute(db)
  // 0032's text trigger followed the text alone; with the status the row comes and goes.
  const columns = publishedOnly ? sql`status, ${text}` : text
  await sql`
    create trigger policies_search_text_update after update of ${columns} on policies begin
      delete from policies_fts where rowid = ${docOf};
      insert into policies_fts (rowid, ${text}) select ${docOf}, ${textOf('new')} ${published};
    end`.execute(db)
}
