import type { Kysely } from 'kysely'

/**
 * 重点项目 (key projects), 一项目一领导一秘书:
 * - projects: one per project, its stage, its 包抓 leader and its secretary; `version` counts edits.
 * - project_stage_changes: every stage move, with the reason a move back needs.
 * - project_milestones: planned and done days; one not done after its planned day is behind (滞后).
 * - project_progress: one 形象进度 note per project and month, replaced until the month is over.
 * - project_appeals: the appeals filed for a project's problems (an appeal belongs to one project).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    // 亿元.
    .addColumn('investment', 'double precision', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('leader_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('secretary_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('projects_stage_idx').on('projects').columns(['stage', 'name']).execute()

  await db.schema
    .createTable('project_stage_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    // The project's version the move made: orders the moves, however close together.
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('project_stage_changes_project_idx').on('project_stage_changes').columns(['project_id', 'version']).execute()

  await db.schema
    .createTable('project_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('done_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('project_milestones_due_idx')
    .on('project_milestones')
    .columns(['project_id', 'done_on', 'planned_on'])
    .execute()

  await db.schema
    .createTable('project_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    // JSON array of upload ids (形象进度 photos), the recorder's own.
    .addColumn('uploads', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('project_progress_month_uq', ['project_id', 'month'])
    .execute()

  await db.schema
    .createTable('project_appeals')
    .addColumn('appeal_id', 'text', (c) => c.primaryKey().references('appeals.id'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('raised_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('raised_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('project_appeals_project_idx').on('project_appeals').columns(['project_id', 'raised_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_appeals').execute()
  await db.schema.dropTable('project_progress').execute()
  await db.schema.dropTable('project_milestones').execute()
  await db.schema.dropTable('project_stage_changes').execute()
  await db.schema.dropTable('projects').execute()
}
