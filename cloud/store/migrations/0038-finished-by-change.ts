import { sql, type Kysely, type SqlBool } from 'kysely'

/**
 * An inbox's page of finished appeals lists them last changed first. No index held that order, so
 * both databases sorted the scope's finished appeals for every page (docs/scale.md). These hold
 * the finished appeals by last change, per handler, per department and for the town: each part of
 * a scope is read in order up to the page's end. The condition is the same expression as
 * inbox.ts's FINISHED (the states as literals, through an expression as in 0037): both databases
 * use a partial index only for a query that states its condition, and SQLite would otherwise take a
 * state index for the column's IN list.
 */
const FINISHED = sql<SqlBool>`(state || '' in ('resolved', 'closed', 'returned', 'merged', 'withdrawn'))`

export async function up(db: Kysely<unknown>): Promise<void> {
  const index = (name: string, scope: string[]) =>
    db.schema
      .createIndex(name)
      .on('appeals')
      .columns([...scope, 'updated_at desc', 'id'])
      .where(FINISHED)
      .execute()
  await index('appeals_finished_handler_idx', ['handler_id'])
  await index('appeals_finished_department_idx', ['department_id'])
  await index('appeals_finished_idx', [])
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['appeals_finished_handler_idx', 'appeals_finished_department_idx', 'appeals_finished_idx'])
    await db.schema.dropIndex(index).execute()
}
