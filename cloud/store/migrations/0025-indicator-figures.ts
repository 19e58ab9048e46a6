import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely'

const FIGURES = ['revenue', 'employees', 'tax', 'orders'] as const

/**
 * Which figures a month's report carries is the town's setting (indicator.figures), so each may be
 * null. PostgreSQL drops the NOT NULLs in place; SQLite cannot, so the table is made again with the
 * same rows, constraint and index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const column of FIGURES) await sql`alter table indicator_reports alter column ${sql.id(column)} drop not null`.execute(db)
    return
  }
  await rebuild(db, false)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Reports made without a figure cannot go back under NOT NULL, and dropping them would put their
  // firms back on the late list: the step back is refused while there are any.
  const lacking = sql.join(
    FIGURES.map((column) => sql`${sql.id(column)} is null`),
    sql` or `,
  )
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from indicator_reports where ${lacking}`.execute(db)
  const n = Number(rows[0].n)
  if (n > 0) throw new Error(`0025 cannot be undone: ${n} indicator reports leave a figure out (the town's indicator.figures)`)
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const column of FIGURES) await sql`alter table indicator_reports alter column ${sql.id(column)} set not null`.execute(db)
    return
  }
  await rebuild(db, true)
}

async function rebuild(db: Kysely<unknown>, figuresRequired: boolean): Promise<void> {
  const figure = (c: ColumnDefinitionBuilder) => (figuresRequired ? c.notNull() : c)
  await db.schema
    .createTable('indicator_reports_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('revenue', 'double precision', figure)
    .addColumn('employees', 'integer', figure)
    .addColumn('tax', 'double precision', figure)
    .addColumn('orders', 'text', figure)
    .addColumn('power', 'double precision')
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reported_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('indicator_reports_month_uq', ['enterprise_id', 'month'])
    .execute()
  const columns = sql.raw(
    'id, enterprise_id, month, revenue, employees, tax, orders, power, situation, reported_by, reported_at, updated_at',
  )
  await sql`insert into indicator_reports_next (${columns}) select ${columns} from indicator_reports`.execute(db)
  await db.schema.dropTable('indicator_reports').execute()
  await db.schema.alterTable('indicator_reports_next').renameTo('indicator_reports').execute()
  await db.schema.createIndex('indicator_reports_month_idx').on('indicator_reports').columns(['month', 'orders']).execute()
}
