import type { Kysely } from 'kysely'

/**
 * Casework beyond the straight path: an extension waiting for the head's decision, and appeals
 * grouped (问题汇聚) or merged (并单) into another.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('appeals').addColumn('requested_due_at', 'bigint').execute()
  await db.schema.alterTable('appeals').addColumn('group_id', 'text').execute()
  await db.schema.alterTable('appeals').addColumn('merged_into', 'text').execute()
  await db.schema.createIndex('appeals_group_idx').on('appeals').columns(['group_id']).execute()
  // Alike open appeals are looked for among those of the same category and department.
  await db.schema
    .createIndex('appeals_category_idx')
    .on('appeals')
    .columns(['department_id', 'category', 'state', 'submitted_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('appeals_category_idx').execute()
  await db.schema.dropIndex('appeals_group_idx').execute()
  for (const column of ['merged_into', 'group_id', 'requested_due_at']) await db.schema.alterTable('appeals').dropColumn(column).execute()
}
