import {
  PostgresAdapter,
  sql,
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type InsertObject,
  type Kysely,
  type QueryCreator,
  type Selectable,
  type Updateable,
} from 'kysely'
import { formatAppealNumber, isAppealNumber } from '../../domain/appeal/numbering'
import { newId } from '../ids'
import type { Database } from '../database'
import type { AppealEventsTable } from '../tables/appeal-events'
import type { AppealEscalationsTable, AppealsTable } from '../tables/appeals'
import { addToDailyCounts, rewriteDailyCounts } from './appeal-daily-counts'
import { countOverdue, moveDueHour } from './appeal-due-hours'
import { moveInboxCount } from './appeal-inbox-counts'
import { isFresh } from './metric-conditions'

export type AppealRow = Selectable<AppealsTable>
export type EscalationRow = Selectable<AppealEscalationsTable>
export type AppealEventRow = Selectable<AppealEventsTable>
/** A new appeal as written, but for its 诉求编号 (insertNumberedAppeal gives it). */
export type NewAppealRow = Omit<InsertObject<Database, 'appeals'>, 'number'>
export type NewAppealEvent = Insertable<AppealEventsTable>
/** Columns of an appeal to change, as a move or the sweep writes them. */
export type AppealChanges = Updateable<AppealsTable>

export function findAppealById(db: Kysely<Database>, id: string): Promise<AppealRow | undefined> {
  return db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * An appeal with what decides who may see it (its enterprise's officer) and what its page shows
 * beside it (the enterprise's name, the handler's name and telephone, the department's name), in
 * one read. The handler and department columns are null when there is none.
 */
export function findAppealDetailRow(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('appeals')
    .innerJoin('enterprises', 'enterprises.id', 'appeals.enterprise_id')
    .leftJoin('users as handler', 'handler.id', 'appeals.handler_id')
    .leftJoin('departments', 'departments.id', 'appeals.department_id')
    .selectAll('appeals')
    .select([
      'enterprises.name as enterprise_name',
      'enterprises.officer_id as enterprise_officer_id',
      'handler.id as handler_user_id',
      'handler.name as handler_name',
      'handler.title as handler_title',
      'handler.phone as handler_phone',
      'departments.id as department_row_id',
      'departments.name as department_name',
    ])
    .where('appeals.id', '=', id)
    .executeTakeFirst()
}

export type AppealDetailRow = NonNullable<Awaited<ReturnType<typeof findAppealDetailRow>>>

/** An appeal and its enterprise's officer (who follows it), in one read: what visibility is decided on. */
export function findAppealWithOfficer(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('appeals')
    .leftJoin('enterprises', 'enterprises.id', 'appeals.enterprise_id')
    .selectAll('appeals')
    .select('enterprises.officer_id as enterprise_officer_id')
    .where('appeals.id', '=', id)
    .executeTakeFirst()
}

/**
 * What filing needs to know before it writes, in one read: the filer's enterprise, the appeal an
 * earlier try of the same request made, and how many the filer has filed since `since`. Nothing
 * when the enterprise is gone.
 */
export async function findFilingFacts(
  db: Kysely<Database>,
  { enterpriseId, createdBy, clientRequestId, since }: { enterpriseId: string; createdBy: string; clientRequestId: string; since: number },
) {
  const row = await db
    .selectFrom('enterprises')
    .selectAll('enterprises')
    .select((eb) => [
      eb
        .selectFrom('appeals')
        .select('id')
        .where('created_by', '=', createdBy)
        .where('client_request_id', '=', clientRequestId)
        .as('retried_id'),
      eb
        .selectFrom('appeals')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .where('created_by', '=', createdBy)
        .where('submitted_at', '>', since)
        .as('filed_since'),
    ])
    .where('enterprises.id', '=', enterpriseId)
    .executeTakeFirst()
  if (!row) return undefined
  const { retried_id, filed_since, ...enterprise } = row
  return { enterprise, retriedId: retried_id, filedSince: Number(filed_since ?? 0) }
}

export function findAppealByClientRequest(
  db: Kysely<Database>,
  createdBy: string,
  clientRequestId: string,
): Promise<AppealRow | undefined> {
  return db
    .selectFrom('appeals')
    .selectAll()
    .where('created_by', '=', createdBy)
    .where('client_request_id', '=', clientRequestId)
    .executeTakeFirst()
}

/**
 * Writes a new appeal numbered in `month` (诉求编号, formatAppealNumber) with the first event of
 * its timeline, and answers the appeal as stored. The place is taken from the month's counter row
 * inside the caller's transaction, which PostgreSQL holds locked until the filing commits: a
 * concurrent filing waits and then takes the next place, and a filing that rolls back gives its
 * place back. Every filing of the month queues on that lock, so on PostgreSQL the counter's upsert,
 * the appeal and its event are one statement (two round trips fewer held under it, of the few a
 * filing makes before its commit), the number formatted there as formatAppealNumber does. SQLite
 * runs one write transaction at a time and takes the place first.
 */
export async function insertNumberedAppeal(
  db: Kysely<Database>,
  month: string,
  row: NewAppealRow,
  firstEvent: NewAppealEvent,
): Promise<AppealRow> {
  const takePlace = (qb: QueryCreator<Database>) =>
    qb
      .insertInto('appeal_number_counters')
      .values({ month, last_seq: 1 })
      .onConflict((oc) => oc.column('month').doUpdateSet({ last_seq: sql<number>`appeal_number_counters.last_seq + 1` }))
      .returning('last_seq')
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // Four digits at least, as many as the place has past 9999.
    const number = sql<string>`(select cast(${month} as text) || '-' || lpad(last_seq::text, greatest(4, length(last_seq::text)), '0') from place)`
    // The event's reference to the appeal is checked at the statement's end, when both are written.
    const inserted = await db
      .with('place', takePlace)
      .with('filed', (qb) =>
        qb
          .insertInto('appeals')
          .values({ ...row, number })
          .returningAll(),
      )
      .with('first_event', (qb) => qb.insertInto('appeal_events').values(firstEvent))
      .selectFrom('filed')
      .selectAll()
      .executeTakeFirstOrThrow()
    return keepCountsOf(db, inserted)
  }
  const { last_seq } = await takePlace(db).executeTakeFirstOrThrow()
  const inserted = await insertAppeal(db, { ...row, number: formatAppealNumber(month, Number(last_seq)) })
  await db.insertInto('appeal_events').values(firstEvent).execute()
  return inserted
}

/** The appeal with this 诉求编号, if any. */
export function findAppealIdByNumber(db: Kysely<Database>, number: string): Promise<string | undefined> {
  return db
    .selectFrom('appeals')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirst()
    .then((row) => row?.id)
}

/** Writes a new appeal and answers it as stored (the insert returns the row). */
export async function insertAppeal(db: Kysely<Database>, row: InsertObject<Database, 'appeals'>): Promise<AppealRow> {
  return keepCountsOf(db, await db.insertInto('appeals').values(row).returningAll().executeTakeFirstOrThrow())
}

/** A fresh appeal (every filing) is counted at read time; only one written in another state is kept now. */
async function keepCountsOf(db: Kysely<Database>, inserted: AppealRow): Promise<AppealRow> {
  if (!isFresh(inserted)) {
    await addToDailyCounts(db, inserted.id)
    await moveDueHour(db, null, inserted)
    await moveInboxCount(db, null, inserted)
  }
  return inserted
}

/**
 * Changes an appeal only if nobody changed it since it was read (at `appeal.version`); answers
 * whether it did. The loser of a race gets false and the caller answers 409. The kept counts
 * follow in the same transaction (appeal-daily-counts.ts, appeal-due-hours.ts, appeal-inbox-counts.ts), from the appeal as
 * read: every change to what they count comes through here and bumps the version, so the row read
 * is the row replaced (the sweep's level, which no count reads, is written without either).
 */
export async function updateAppealIfVersion(db: Kysely<Database>, appeal: AppealRow, changes: AppealChanges): Promise<boolean> {
  const result = await db
    .updateTable('appeals')
    .set({ ...changes, version: appeal.version + 1 })
    .where('id', '=', appeal.id)
    .where('version', '=', appeal.version)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return false
  // A key given as undefined leaves its column as it was, and so must the appeal the counts see.
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<AppealRow>
  const after: AppealRow = { ...appeal, ...given }
  await rewriteDailyCounts(db, appeal, after)
  await moveDueHour(db, appeal, after)
  await moveInboxCount(db, appeal, after)
  return true
}

/** Changes every appeal a person filed (their contact details, when they delete their account). */
export async function updateAppealsFiledBy(
  db: Kysely<Database>,
  userId: string,
  changes: Pick<AppealChanges, 'contact_name' | 'contact_phone'>,
): Promise<void> {
  await db.updateTable('appeals').set(changes).where('created_by', '=', userId).execute()
}

/** An appeal's timeline with each actor's name (null for none or a person no longer stored), in seq order. */
export function listAppealEventsWithActors(db: Kysely<Database>, appealId: string) {
  return db
    .selectFrom('appeal_events')
    .leftJoin('users', 'users.id', 'appeal_events.actor_id')
    .selectAll('appeal_events')
    .select('users.name as actor_name')
    .where('appeal_events.appeal_id', '=', appealId)
    .orderBy('appeal_events.seq')
    .execute()
}

export function listAppealEvents(db: Kysely<Database>, appealId: string): Promise<AppealEventRow[]> {
  return db.selectFrom('appeal_events').selectAll().where('appeal_id', '=', appealId).orderBy('seq').execute()
}

/**
 * Appends the next event of an appeal's timeline, its sequence number taken by the insert itself
 * (one statement, inside the caller's transaction; the unique (appeal_id, seq) guards the rest).
 */
export async function appendNextAppealEvent(db: Kysely<Database>, event: Omit<Insertable<AppealEventsTable>, 'id' | 'seq'>): Promise<void> {
  const seq = db
    .selectFrom('appeal_events')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
    .where('appeal_id', '=', event.appeal_id)
  await db
    .insertInto('appeal_events')
    .values({ ...event, id: newId('ev'), seq })
    .execute()
}

/**
 * Appends one event to each of many appeals in a few statements, each numbered after its appeal's
 * last. For appeals whose rows the caller holds locked (the sweep has just updated them), so no
 * one else numbers an event of theirs meanwhile.
 */
export async function appendNextAppealEvents(
  db: Kysely<Database>,
  events: Omit<Insertable<AppealEventsTable>, 'id' | 'seq'>[],
): Promise<void> {
  for (let i = 0; i < events.length; i += WRITE_CHUNK) {
    const chunk = events.slice(i, i + WRITE_CHUNK)
    const last = new Map(
      (
        await db
          .selectFrom('appeal_events')
          .select(['appeal_id', (eb) => eb.fn.max('seq').as('seq')])
          .where(
            'appeal_id',
            'in',
            chunk.map((e) => e.appeal_id),
          )
          .groupBy('appeal_id')
          .execute()
      ).map((row) => [row.appeal_id, Number(row.seq)]),
    )
    const numbered = chunk.map((event) => {
      const seq = (last.get(event.appeal_id) ?? 0) + 1
      last.set(event.appeal_id, seq)
      return { ...event, id: newId('ev'), seq }
    })
    await db.insertInto('appeal_events').values(numbered).execute()
  }
}

/** Rows a set-based write puts in one statement: well under both databases' limits on bound values. */
const WRITE_CHUNK = 250

/**
 * The department a category is routed to, else `fallback`: as an expression, so that the insert
 * of a new appeal reads the routing table itself rather than a statement of its own.
 */
export function routedDepartment(db: Kysely<Database>, category: string, fallback: string | null): Expression<string | null> {
  const rule = db.selectFrom('routing_rules').select('department_id').where('category', '=', category)
  return sql<string | null>`coalesce((${rule}), ${fallback})`
}

/** An appeal with the names a list shows (enterprise, handler), for owner lists and inboxes; other repositories build on it. */
export function selectAppealSummaries(db: Kysely<Database>) {
  return db
    .selectFrom('appeals')
    .innerJoin('enterprises', 'enterprises.id', 'appeals.enterprise_id')
    .leftJoin('users as handler', 'handler.id', 'appeals.handler_id')
    .select([
      'appeals.id',
      'appeals.number',
      'appeals.title',
      'appeals.category',
      'appeals.urgency',
      'appeals.state',
      'appeals.submitted_at',
      'appeals.due_at',
      'appeals.accept_due_at',
      'appeals.close_due_at',
      'appeals.paused_at',
      'appeals.anonymous',
      'appeals.version',
      'enterprises.name as enterprise_name',
      'handler.name as handler_name',
    ])
}

export type AppealSummaryRow = Awaited<ReturnType<ReturnType<typeof selectAppealSummaries>['execute']>>[number]

/** The summary of an appeal that exists (throws otherwise). */
export function getAppealSummary(db: Kysely<Database>, id: string): Promise<AppealSummaryRow> {
  return selectAppealSummaries(db).where('appeals.id', '=', id).executeTakeFirstOrThrow()
}

/** The summaries of some appeals, in no particular order. */
export function findAppealSummaries(db: Kysely<Database>, ids: string[]): Promise<AppealSummaryRow[]> {
  if (ids.length === 0) return Promise.resolve([])
  return selectAppealSummaries(db).where('appeals.id', 'in', ids).execute()
}

/** The summaries of a group's appeals (the lead's id), oldest first. */
export function listGroupSummaries(db: Kysely<Database>, groupId: string): Promise<AppealSummaryRow[]> {
  return selectAppealSummaries(db).where('appeals.group_id', '=', groupId).orderBy('appeals.submitted_at').execute()
}

/** A search box's text as a condition: a 诉求编号 matches exactly, anything else words of a title; empty narrows nothing. */
export function searchCondition(search: string) {
  return (eb: ExpressionBuilder<Database, 'appeals'>) => {
    if (search === '') return eb.lit(true)
    if (isAppealNumber(search)) return eb('appeals.number', '=', search.trim())
    // % and _ typed into the box are characters to find, not wildcards.
    const escaped = search.replace(/[\\%_]/g, (c) => `\\${c}`)
    return eb('appeals.title', 'like', sql<string>`${`%${escaped}%`} escape '\\'`)
  }
}

/** A page of an enterprise's appeals, newest first, only in `states` when given and matching `search`, with their total. */
export async function listEnterpriseAppealSummaries(
  db: Kysely<Database>,
  enterpriseId: string,
  states: readonly string[] | null,
  limit: number,
  offset: number,
  search = '',
) {
  let query = selectAppealSummaries(db).where('appeals.enterprise_id', '=', enterpriseId).where(searchCondition(search))
  if (states) query = query.where('appeals.state', 'in', states)
  // The page and the total apart: a window count would read and join every appeal of the firm to
  // cut twenty; without a search the count reads appeals_enterprise_list_idx alone.
  let count = db.selectFrom('appeals').where('enterprise_id', '=', enterpriseId).where(searchCondition(search))
  if (states) count = count.where('state', 'in', states)
  const [rows, total] = await Promise.all([
    query.orderBy('appeals.submitted_at', 'desc').orderBy('appeals.id').limit(limit).offset(offset).execute(),
    count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

/** The appeals past their running deadline, the longest overdue first (at most `limit`), with how many there are. */
export async function listOverdueSummaries(db: Kysely<Database>, now: number, limit: number) {
  // A running deadline exists only on an open appeal, so "overdue" reads the deadline index alone;
  // the total, from the appeals kept per hour of their deadline (appeal-due-hours.ts).
  const [rows, total] = await Promise.all([
    selectAppealSummaries(db).where('appeals.due_at', '<', now).orderBy('appeals.due_at').limit(limit).execute(),
    countOverdue(db, now),
  ])
  return { rows, total }
}

/** An enterprise's latest appeals, newest first: what its file (一企一档) lists. */
export function listLatestAppealsOf(db: Kysely<Database>, enterpriseId: string, limit: number) {
  return db
    .selectFrom('appeals')
    .select(['id', 'title', 'state', 'submitted_at', 'source', 'handler_id', 'department_id', 'conduct', 'accused_id', 'anonymous'])
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('submitted_at', 'desc')
    .limit(limit)
    .execute()
}

/** The titles of some appeals, in no particular order. */
export function findAppealTitles(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db.selectFrom('appeals').select(['id', 'title']).where('id', 'in', ids).execute()
}

/** Open appeals whose deadline falls before `horizon` and whose supervision may still climb. */
export function findSupervisionCandidates(db: Kysely<Database>, horizon: number, maxLevel: number) {
  return db
    .selectFrom('appeals')
    .select(['id', 'state', 'due_at', 'supervision_level', 'supervised_due_at', 'handler_id', 'department_id'])
    .where('due_at', 'is not', null)
    .where('due_at', '<=', horizon)
    .where((eb) =>
      eb.or([eb('supervision_level', '<', maxLevel), eb('supervised_due_at', 'is', null), eb('supervised_due_at', '!=', eb.ref('due_at'))]),
    )
    .execute()
}

/** One supervision step through the batch's statement (below): whether it was taken. */
export async function recordSupervisionLevel(
  db: Kysely<Database>,
  appeal: { id: string; due_at: number; supervision_level: number; supervised_due_at: number | null },
  level: number,
): Promise<boolean> {
  return (await recordSupervisionLevels(db, [{ ...appeal, level }])).length === 1
}

/** What a notification of an appeal reads of it (notify/appeal-notifications.ts): whom it concerns and what to say. */
export const APPEAL_NOTICE_COLUMNS = [
  'id',
  'number',
  'title',
  'state',
  'due_at',
  'close_due_at',
  'enterprise_id',
  'department_id',
  'handler_id',
  'conduct',
] as const satisfies readonly (keyof AppealRow)[]
export type AppealNotice = Pick<AppealRow, (typeof APPEAL_NOTICE_COLUMNS)[number]>

/**
 * Records many supervision steps at once, each only if its appeal is still where the sweep saw it
 * (same deadline, same level; `version` untouched, so a person's action never conflicts with it).
 * Answers the appeals that took their step now, as much of them as their notifications read.
 */
export async function recordSupervisionLevels(
  db: Kysely<Database>,
  steps: { id: string; due_at: number; supervision_level: number; supervised_due_at: number | null; level: number }[],
): Promise<AppealNotice[]> {
  const taken: AppealNotice[] = []
  for (const level of new Set(steps.map((s) => s.level))) {
    const ofLevel = steps.filter((s) => s.level === level)
    for (let i = 0; i < ofLevel.length; i += WRITE_CHUNK) {
      const chunk = ofLevel.slice(i, i + WRITE_CHUNK)
      // A row value against VALUES (SQLite takes no list of row values); the casts give PostgreSQL
      // the types of the bound values, and -1 stands for "never supervised" on both sides. The key
      // finds the rows: +due_at keeps the deadline's index out, which PostgreSQL's generic plan for
      // one step preferred, reading every appeal due at that hour.
      const seen = sql.join(
        chunk.map(
          (s) =>
            sql`(${s.id}, cast(${s.due_at} as bigint), cast(${s.supervision_level} as integer), cast(${s.supervised_due_at ?? -1} as bigint))`,
        ),
      )
      const rows = await db
        .updateTable('appeals')
        .set((eb) => ({ supervision_level: level, supervised_due_at: eb.ref('due_at') }))
        .where(
          'id',
          'in',
          chunk.map((s) => s.id),
        )
        .where(sql<boolean>`(id, +due_at, supervision_level, coalesce(supervised_due_at, -1)) in (values ${seen})`)
        .returning(APPEAL_NOTICE_COLUMNS)
        .execute()
      taken.push(...rows)
    }
  }
  return taken
}

/** Resolved appeals nobody rated since `resolvedBefore`: the sweep closes them. */
export function findUnratedSince(db: Kysely<Database>, resolvedBefore: number) {
  return db.selectFrom('appeals').selectAll().where('state', '=', 'resolved').where('resolved_at', '<=', resolvedBefore).execute()
}

/**
 * Open appeals of one department and category that could join a group (问题汇聚), newest first,
 * with what decides who may see them and whether they are alike (the enterprise's officer and park).
 */
export function findGroupCandidates(
  db: Kysely<Database>,
  departmentId: string,
  category: string,
  states: readonly string[],
  limit: number,
) {
  return db
    .selectFrom('appeals')
    .innerJoin('enterprises', 'enterprises.id', 'appeals.enterprise_id')
    .selectAll('appeals')
    .select(['enterprises.park', 'enterprises.officer_id as enterprise_officer_id'])
    .where('appeals.department_id', '=', departmentId)
    .where('appeals.category', '=', category)
    .where('appeals.state', 'in', [...states])
    .orderBy('appeals.submitted_at', 'desc')
    .limit(limit)
    .execute()
}

/** The appeals of a group (the lead's id), oldest first. */
export function findGroupMembers(db: Kysely<Database>, groupId: string): Promise<AppealRow[]> {
  return db.selectFrom('appeals').selectAll().where('group_id', '=', groupId).orderBy('submitted_at').execute()
}

/** How many appeals a person filed since `since` (the daily limit). */
export async function countAppealsFiledSince(db: Kysely<Database>, userId: string, since: number): Promise<number> {
  const row = await db
    .selectFrom('appeals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('created_by', '=', userId)
    .where('submitted_at', '>', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The open appeals a person holds (handler), of some enterprises or all, oldest first. */
export function listOpenAppealsHeldBy(db: Kysely<Database>, handlerId: string, openStates: readonly string[], enterpriseIds?: string[]) {
  if (enterpriseIds && enterpriseIds.length === 0) return Promise.resolve([] as AppealRow[])
  let query = db
    .selectFrom('appeals')
    .selectAll()
    .where('handler_id', '=', handlerId)
    .where('state', 'in', [...openStates])
  if (enterpriseIds) query = query.where('enterprise_id', 'in', enterpriseIds)
  return query.orderBy('submitted_at').orderBy('id').execute()
}

/** 上报: a question to a county office, with the expiry of its link. */
export async function insertEscalation(db: Kysely<Database>, row: Insertable<AppealEscalationsTable>): Promise<void> {
  await db.insertInto('appeal_escalations').values(row).execute()
}

export function findEscalationById(db: Kysely<Database>, id: string): Promise<EscalationRow | undefined> {
  return db.selectFrom('appeal_escalations').selectAll().where('id', '=', id).executeTakeFirst()
}

/** An appeal's escalations, oldest first. */
export function listEscalations(db: Kysely<Database>, appealId: string): Promise<EscalationRow[]> {
  return db.selectFrom('appeal_escalations').selectAll().where('appeal_id', '=', appealId).orderBy('asked_at').orderBy('id').execute()
}

/** Records the county's answer, only if none came before; answers whether this one did. */
export async function answerEscalation(
  db: Kysely<Database>,
  id: string,
  answer: { answer: string; answered_by: string; answered_at: number },
): Promise<boolean> {
  const result = await db
    .updateTable('appeal_escalations')
    .set(answer)
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** When each of these appeals was last pressed by a leader (领导督办), for those that were. */
export async function lastSupervisedAt(db: Kysely<Database>, appealIds: string[]): Promise<Map<string, number>> {
  if (appealIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('appeal_events')
    .select(['appeal_id', (eb) => eb.fn.max('at').as('at')])
    .where('action', '=', 'supervise')
    .where('appeal_id', 'in', appealIds)
    .groupBy('appeal_id')
    .execute()
  return new Map(rows.map((r) => [r.appeal_id, Number(r.at)]))
}
