import type { Kysely } from 'kysely'

/**
 * The help ledger (帮扶台账), monthly indicators (企业运行监测) and early-warning tasks (未诉先办):
 * - help_entries: help staff delivered to one enterprise; a meeting for several firms is one row per
 *   firm sharing an event_id. It counts once the enterprise confirms it.
 * - indicator_reports: one row per enterprise and month, replaced until the month's window closes.
 * - warning_tasks: one per enterprise and month (the unique key dedupes the two rules and retries),
 *   for the covering officer to visit and close with a note.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('help_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // Yuan for money kinds, people for recruitment, null where the kind has no measure.
    .addColumn('amount', 'bigint')
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    // JSON array of upload ids (凭证).
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('appeal_id', 'text', (c) => c.references('appeals.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('answered_at', 'bigint')
    .addColumn('dispute_reason', 'text')
    .execute()
  await db.schema.createIndex('help_entries_enterprise_idx').on('help_entries').columns(['enterprise_id', 'given_on']).execute()
  await db.schema.createIndex('help_entries_bulletin_idx').on('help_entries').columns(['state', 'given_on', 'kind']).execute()

  await db.schema
    .createTable('indicator_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('revenue', 'double precision', (c) => c.notNull())
    .addColumn('employees', 'integer', (c) => c.notNull())
    .addColumn('tax', 'double precision', (c) => c.notNull())
    .addColumn('orders', 'text', (c) => c.notNull())
    .addColumn('power', 'double precision')
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reported_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('indicator_reports_month_uq', ['enterprise_id', 'month'])
    .execute()
  await db.schema.createIndex('indicator_reports_month_idx').on('indicator_reports').columns(['month', 'orders']).execute()

  await db.schema
    .createTable('warning_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('officer_id', 'text', (c) => c.references('users.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('close_note', 'text')
    .addUniqueConstraint('warning_tasks_month_uq', ['enterprise_id', 'month'])
    .execute()
  await db.schema.createIndex('warning_tasks_state_idx').on('warning_tasks').columns(['state', 'opened_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('warning_tasks').execute()
  await db.schema.dropTable('indicator_reports').execute()
  await db.schema.dropTable('help_entries').execute()
}
