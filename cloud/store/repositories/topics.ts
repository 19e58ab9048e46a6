import { sql, type Kysely, type Selectable } from 'kysely'
import { OPEN_STATES } from '../../domain/appeal/rules'
import type { Database } from '../database'
import type { MonthlyTopicsTable } from '../tables/appeals'

export type TopicRow = Selectable<MonthlyTopicsTable>

/** The appeals a shared problem is about: a linked group, or a month's appeals of one category and department that are in no group (a hot spot). */
export type TopicAppeals = { groupId: string } | { range: { from: number; to: number }; category: string; departmentId: string | null }

const isOpen = sql<number>`sum(case when state in (${sql.join(OPEN_STATES.map((s) => sql.lit(s)))}) then 1 else 0 end)`

const inMonth = (db: Kysely<Database>, range: { from: number; to: number }) =>
  db.selectFrom('appeals').where('submitted_at', '>=', range.from).where('submitted_at', '<', range.to)

/** The linked groups among a month's appeals that touch at least `minEnterprises` enterprises, the widest first, with how many appeals, enterprises and open appeals each has. */
export function listSharedGroups(db: Kysely<Database>, range: { from: number; to: number }, minEnterprises: number, limit: number) {
  return inMonth(db, range)
    .where('group_id', 'is not', null)
    .select((eb) => [
      'group_id',
      eb.fn.countAll<number>().as('appeals'),
      sql<number>`count(distinct enterprise_id)`.as('enterprises'),
      isOpen.as('open'),
    ])
    .groupBy('group_id')
    .having(sql`count(distinct enterprise_id)`, '>=', minEnterprises)
    .orderBy('enterprises', 'desc')
    .limit(limit)
    .execute()
}

/** The category × department hot spots among a month's appeals in no group that touch at least `minEnterprises` enterprises, the widest first, with the same counts. */
export function listHotspots(db: Kysely<Database>, range: { from: number; to: number }, minEnterprises: number, limit: number) {
  return inMonth(db, range)
    .where('group_id', 'is', null)
    .select((eb) => [
      'category',
      'department_id',
      eb.fn.countAll<number>().as('appeals'),
      sql<number>`count(distinct enterprise_id)`.as('enterprises'),
      isOpen.as('open'),
    ])
    .groupBy(['category', 'department_id'])
    .having(sql`count(distinct enterprise_id)`, '>=', minEnterprises)
    .orderBy('enterprises', 'desc')
    .limit(limit)
    .execute()
}

/** The names of the enterprises behind some appeals, each once, in name order, at most `limit`. */
export async function listEnterpriseNamesOf(db: Kysely<Database>, appeals: TopicAppeals, limit: number): Promise<string[]> {
  let q = db.selectFrom('appeals').innerJoin('enterprises', 'enterprises.id', 'appeals.enterprise_id').select('enterprises.name').distinct()
  if ('groupId' in appeals) q = q.where('appeals.group_id', '=', appeals.groupId)
  else
    q = q
      .where('appeals.submitted_at', '>=', appeals.range.from)
      .where('appeals.submitted_at', '<', appeals.range.to)
      .where('appeals.group_id', 'is', null)
      .where('appeals.category', '=', appeals.category)
      .where('appeals.department_id', appeals.departmentId === null ? 'is' : '=', appeals.departmentId)
  return (await q.orderBy('enterprises.name').limit(limit).execute()).map((r) => r.name)
}

/** How many appeals a topic is about, and how many of them are still open. */
export async function countTopicAppeals(db: Kysely<Database>, appeals: TopicAppeals): Promise<{ appeals: number; open: number }> {
  let q = db.selectFrom('appeals')
  q =
    'groupId' in appeals
      ? q.where('group_id', '=', appeals.groupId)
      : q
          .where('submitted_at', '>=', appeals.range.from)
          .where('submitted_at', '<', appeals.range.to)
          .where('group_id', 'is', null)
          .where('category', '=', appeals.category)
          .where('department_id', appeals.departmentId === null ? 'is' : '=', appeals.departmentId)
  const progress = await q.select((eb) => [eb.fn.countAll<number>().as('appeals'), isOpen.as('open')]).executeTakeFirstOrThrow()
  return { appeals: Number(progress.appeals), open: Number(progress.open ?? 0) }
}

export async function insertTopic(db: Kysely<Database>, row: TopicRow): Promise<void> {
  await db.insertInto('monthly_topics').values(row).execute()
}

/** Whether a month already has its topic (one a month, by a unique month). */
export async function hasTopicFor(db: Kysely<Database>, month: string): Promise<boolean> {
  return (await db.selectFrom('monthly_topics').select('id').where('month', '=', month).executeTakeFirst()) !== undefined
}

/** The latest topics, newest month first. */
export function listLatestTopics(db: Kysely<Database>, limit: number): Promise<TopicRow[]> {
  return db.selectFrom('monthly_topics').selectAll().orderBy('month', 'desc').limit(limit).execute()
}
