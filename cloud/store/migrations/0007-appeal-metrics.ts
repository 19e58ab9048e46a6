import type { Kysely } from 'kysely'

/**
 * What the bulletin counts, kept on the appeal as it happens so that a month's figures are one
 * aggregate query: when it was first answered (accepted or returned), its latest rating, how
 * often it was reopened or disputed, and whether any resolution came after its deadline.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('appeals').addColumn('responded_at', 'bigint').execute()
  await db.schema.alterTable('appeals').addColumn('rating', 'text').execute()
  await db.schema.alterTable('appeals').addColumn('rated_at', 'bigint').execute()
  await db.schema
    .alterTable('appeals')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('appeals')
    .addColumn('dispute_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('appeals')
    .addColumn('resolved_late', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  // Every column the bulletin reads, so that a month's figures come from this index alone and never
  // from the appeal rows with their long descriptions.
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
  await db.schema.createIndex('appeals_help_idx').on('appeals').columns(['resolved_at', 'help_kind']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('appeals_help_idx').execute()
  await db.schema.dropIndex('appeals_period_idx').execute()
  for (const column of ['resolved_late', 'dispute_count', 'reopen_count', 'rated_at', 'rating', 'responded_at'])
    await db.schema.alterTable('appeals').dropColumn(column).execute()
}
