import { sql, type Kysely } from 'kysely'

/**
 * 诉求编号 (e.g. 2026-11-0042): the month of filing in Beijing and the appeal's place in that month.
 * - appeals.number: given at filing, in the filing's transaction; unique.
 * - appeal_number_counters: the last number given in each month. Filing bumps its month's row with
 *   one upsert, which PostgreSQL serialises on the row, so two filings at once never share a number.
 * Appeals already there are numbered in the order they were filed, and the counters continue after them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('appeals').addColumn('number', 'text').execute()
  await db.schema
    .createTable('appeal_number_counters')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute()

  const rows = await sql<{ id: string; submitted_at: number | string }>`
    select id, submitted_at from appeals order by submitted_at, id`.execute(db)
  const last = new Map<string, number>()
  for (const row of rows.rows) {
    const month = beijingMonth(Number(row.submitted_at))
    const seq = (last.get(month) ?? 0) + 1
    last.set(month, seq)
    await sql`update appeals set number = ${`${month}-${String(seq).padStart(4, '0')}`} where id = ${row.id}`.execute(db)
  }
  for (const [month, seq] of last) await sql`insert into appeal_number_counters (month, last_seq) values (${month}, ${seq})`.execute(db)

  await db.schema.createIndex('appeals_number_uq').on('appeals').column('number').unique().execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('appeals_number_uq').execute()
  await db.schema.alterTable('appeals').dropColumn('number').execute()
  await db.schema.dropTable('appeal_number_counters').execute()
}

// Written out here rather than taken from the domain, so this migration stays as it shipped. Beijing
// has kept UTC+8 all year since 1991.
function beijingMonth(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 7)
}
