import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('routing_rules')
    .addColumn('category', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .execute()

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('client_request_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('complexity', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('handler_id', 'text', (c) => c.references('users.id'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('submitted_at', 'bigint', (c) => c.notNull())
    .addColumn('accept_due_at', 'bigint', (c) => c.notNull())
    .addColumn('close_due_at', 'bigint', (c) => c.notNull())
    .addColumn('due_at', 'bigint')
    .addColumn('supervision_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supervised_due_at', 'bigint')
    .addColumn('accepted_at', 'bigint')
    .addColumn('resolved_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('moderation', 'text', (c) => c.notNull())
    .addColumn('help_kind', 'text')
    .addColumn('help_amount', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('appeals_client_request_unique', ['created_by', 'client_request_id'])
    .execute()

  // The owner's list, the officer's inbox and the department's queue, each ordered by deadline.
  // State rides along in the inbox indexes so that counting an inbox never reads the table.
  await db.schema.createIndex('appeals_enterprise_idx').on('appeals').columns(['enterprise_id', 'submitted_at']).execute()
  await db.schema.createIndex('appeals_handler_idx').on('appeals').columns(['handler_id', 'due_at', 'state']).execute()
  await db.schema.createIndex('appeals_department_idx').on('appeals').columns(['department_id', 'due_at', 'state']).execute()
  // The supervision sweep reads every deadline up to a horizon; with the levels in the index it
  // decides what is left to do without reading the table.
  // Resolved appeals waiting for a rating, oldest first: the sweep closes those a week old.
  await db.schema.createIndex('appeals_resolved_idx').on('appeals').columns(['state', 'resolved_at']).execute()
  await db.schema.createIndex('appeals_due_idx').on('appeals').columns(['due_at', 'supervision_level', 'supervised_due_at']).execute()

  await db.schema
    .createTable('appeal_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('appeal_events_seq_unique', ['appeal_id', 'seq'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['appeal_events', 'appeals', 'routing_rules']) await db.schema.dropTable(table).execute()
}
