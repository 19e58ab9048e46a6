import type { Kysely } from 'kysely'

/**
 * The inbox counts every filter of a person's (or a department's) appeals on each page. Its
 * conditions read state, due_at, close_due_at and paused_at; the handler and department indexes
 * held the first two, so each count visited every appeal's row. With all four in the index the
 * counts are read from the index alone (PostgreSQL's index-only scan, SQLite's covering index),
 * and the page, which reads the index by due_at, is served as before.
 */
const COLUMNS = ['due_at', 'state', 'close_due_at', 'paused_at']

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('appeals_handler_inbox_idx')
    .on('appeals')
    .columns(['handler_id', ...COLUMNS])
    .execute()
  await db.schema
    .createIndex('appeals_department_inbox_idx')
    .on('appeals')
    .columns(['department_id', ...COLUMNS])
    .execute()
  await db.schema.dropIndex('appeals_handler_idx').execute()
  await db.schema.dropIndex('appeals_department_idx').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('appeals_handler_idx').on('appeals').columns(['handler_id', 'due_at', 'state']).execute()
  await db.schema.createIndex('appeals_department_idx').on('appeals').columns(['department_id', 'due_at', 'state']).execute()
  await db.schema.dropIndex('appeals_handler_inbox_idx').execute()
  await db.schema.dropIndex('appeals_department_inbox_idx').execute()
}
