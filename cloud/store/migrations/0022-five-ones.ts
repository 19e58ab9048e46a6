import type { Kysely } from 'kysely'

/**
 * The 五个一 as data rather than free text: 一套班子 (enterprise_team_members, named people and
 * their duties, saved whole) and 一个目标 (enterprise_goals, figures with a day they are due by,
 * and the latest figure reported against each).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enterprise_team_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('duty', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('enterprise_team_members_enterprise_idx')
    .on('enterprise_team_members')
    .columns(['enterprise_id', 'position'])
    .execute()

  await db.schema
    .createTable('enterprise_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('actual', 'double precision')
    .addColumn('reported_at', 'bigint')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('enterprise_goals_enterprise_idx').on('enterprise_goals').columns(['enterprise_id', 'due_on']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('enterprise_goals').execute()
  await db.schema.dropTable('enterprise_team_members').execute()
}
