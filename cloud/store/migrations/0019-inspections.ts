import type { Kysely } from 'kysely'

/**
 * 一季一督查:
 * - inspections: one inspection of a department for a quarter (YYYY-Qn), by the 督查 office or a leader.
 * - inspection_findings: what it found, each followed to 销号: the head's answer, the inspector's
 *   close or return; `version` counts moves, so two people acting on one finding cannot both win.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('inspected_on', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('inspector_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('inspections_period_idx').on('inspections').columns(['period', 'department_id']).execute()

  await db.schema
    .createTable('inspection_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id'))
    // Copied from the inspection: the lists and the assessment filter on them.
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('inspector_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('answered_at', 'bigint')
    .addColumn('return_note', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('closed_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('inspection_findings_department_idx')
    .on('inspection_findings')
    .columns(['department_id', 'state', 'due_at'])
    .execute()
  await db.schema.createIndex('inspection_findings_inspection_idx').on('inspection_findings').columns(['inspection_id', 'seq']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('inspection_findings').execute()
  await db.schema.dropTable('inspections').execute()
}
