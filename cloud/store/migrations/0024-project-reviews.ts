import type { Kysely } from 'kysely'

/**
 * 半年观摩: project_reviews is one inspection tour of the key projects, and project_review_items
 * what each project stood at that day (copied, so later changes leave the record as it was).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('taken_on', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('taken_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('project_review_items')
    .addColumn('review_id', 'text', (c) => c.notNull().references('project_reviews.id'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enterprise_name', 'text')
    .addColumn('investment', 'double precision', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('leader_name', 'text', (c) => c.notNull())
    .addColumn('secretary_name', 'text', (c) => c.notNull())
    .addColumn('milestones_done', 'integer', (c) => c.notNull())
    .addColumn('milestones_total', 'integer', (c) => c.notNull())
    .addColumn('milestones_behind', 'integer', (c) => c.notNull())
    .addColumn('open_problems', 'integer', (c) => c.notNull())
    .addColumn('progress_month', 'text')
    .addColumn('progress_note', 'text')
    .addPrimaryKeyConstraint('project_review_items_pkey', ['review_id', 'project_id'])
    .execute()
  await db.schema.createIndex('project_review_items_project_idx').on('project_review_items').columns(['project_id']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_review_items').execute()
  await db.schema.dropTable('project_reviews').execute()
}
