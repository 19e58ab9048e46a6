import type { Kysely } from 'kysely'

/**
 * What the leader's dashboard reads: the bulletin's covering index gains the category, so a month
 * split by department × category × week is still one pass over the index alone (it replaces the
 * narrower appeals_period_idx); and 每月一题, the month's shared problem a task force takes on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('appeals_dashboard_idx')
    .on('appeals')
    .columns([
      'submitted_at',
      'department_id',
      'category',
      'state',
      'responded_at',
      'accept_due_at',
      'resolved_at',
      'resolved_late',
      'rating',
      'dispute_count',
      'reopen_count',
      'due_at',
    ])
    .execute()
  await db.schema.dropIndex('appeals_period_idx').execute()

  await db.schema
    .createTable('monthly_topics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** YYYY-MM: one topic a month. */
    .addColumn('month', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    /** A linked group (问题汇聚) by its lead appeal, or else the category and department it gathers. */
    .addColumn('lead_appeal_id', 'text', (c) => c.references('appeals.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('source_department_id', 'text', (c) => c.references('departments.id'))
    /** The department that leads the task force (专班). */
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    /** The day (Beijing) it should be settled by, followed like an appeal's deadline. */
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('monthly_topics').execute()
  await db.schema
    .createIndex('appeals_period_idx')
    .on('appeals')
    .columns([
      'submitted_at',
      'department_id',
      'state',
      'responded_at',
      'accept_due_at',
      'resolved_at',
      'resolved_late',
      'rating',
      'dispute_count',
      'reopen_count',
      'due_at',
    ])
    .execute()
  await db.schema.dropIndex('appeals_dashboard_idx').execute()
}
