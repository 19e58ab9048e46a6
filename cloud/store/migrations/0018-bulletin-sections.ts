import type { Kysely } from 'kysely'

/**
 * 一月一通报 per department:
 * - bulletin_presses: a leader's 督办 of a department named lagging in a month, one per department
 *   and month (the unique key makes pressing twice a no-op), answered once by its head.
 * - indexes for the sections' monthly aggregates: plan milestones by due day, project milestones by
 *   planned day, stage moves by time, warnings by month.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bulletin_presses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('pressed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('pressed_at', 'bigint', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('answered_at', 'bigint')
    .addUniqueConstraint('bulletin_presses_month_uq', ['department_id', 'month'])
    .execute()
  await db.schema.createIndex('bulletin_presses_month_idx').on('bulletin_presses').columns(['month']).execute()
  await db.schema.createIndex('plan_milestones_due_idx').on('plan_milestones').columns(['due_on', 'enterprise_id', 'done_at']).execute()
  await db.schema
    .createIndex('project_milestones_planned_idx')
    .on('project_milestones')
    .columns(['planned_on', 'project_id', 'done_on'])
    .execute()
  await db.schema.createIndex('project_stage_changes_time_idx').on('project_stage_changes').columns(['project_id', 'changed_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('project_stage_changes_time_idx').execute()
  await db.schema.dropIndex('project_milestones_planned_idx').execute()
  await db.schema.dropIndex('plan_milestones_due_idx').execute()
  await db.schema.dropTable('bulletin_presses').execute()
}
