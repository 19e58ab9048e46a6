import type { Insertable, Kysely, Selectable, Updateable } from 'kysely'
import type { Database } from '../database'
import type { ExhibitionsTable, ExhibitorsTable, ExpoScansTable, ExpoVisitorsTable } from '../tables/exhibitions'
import { POLICY_LIST_COLUMNS } from './policies'

export type ExhibitionRow = Selectable<ExhibitionsTable>
export type ExhibitorRow = Selectable<ExhibitorsTable>
export type ExpoVisitorRow = Selectable<ExpoVisitorsTable>

export function findExhibitionById(db: Kysely<Database>, id: string): Promise<ExhibitionRow | undefined> {
  return db.selectFrom('exhibitions').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findExhibitionByCode(db: Kysely<Database>, code: string): Promise<ExhibitionRow | undefined> {
  return db.selectFrom('exhibitions').selectAll().where('code', '=', code).executeTakeFirst()
}

/** Every exhibition, the latest first. */
export function listExhibitions(db: Kysely<Database>): Promise<ExhibitionRow[]> {
  return db.selectFrom('exhibitions').selectAll().orderBy('starts_on', 'desc').orderBy('id').execute()
}

export async function insertExhibition(db: Kysely<Database>, row: ExhibitionRow): Promise<void> {
  await db.insertInto('exhibitions').values(row).execute()
}

export async function updateExhibition(db: Kysely<Database>, id: string, changes: Updateable<ExhibitionsTable>): Promise<void> {
  await db.updateTable('exhibitions').set(changes).where('id', '=', id).execute()
}

export function findExhibitorById(db: Kysely<Database>, id: string): Promise<ExhibitorRow | undefined> {
  return db.selectFrom('exhibitors').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findExhibitorByCode(db: Kysely<Database>, code: string): Promise<ExhibitorRow | undefined> {
  return db.selectFrom('exhibitors').selectAll().where('code', '=', code).executeTakeFirst()
}

export function findExhibitorByBooth(db: Kysely<Database>, exhibitionId: string, boothNo: string): Promise<ExhibitorRow | undefined> {
  return db
    .selectFrom('exhibitors')
    .selectAll()
    .where('exhibition_id', '=', exhibitionId)
    .where('booth_no', '=', boothNo)
    .executeTakeFirst()
}

/** The booths of an exhibition in booth-number order (as printed and walked). */
export function listExhibitors(db: Kysely<Database>, exhibitionId: string): Promise<ExhibitorRow[]> {
  return db.selectFrom('exhibitors').selectAll().where('exhibition_id', '=', exhibitionId).orderBy('booth_no').execute()
}

/** The booths an enterprise has had, at the latest exhibition first. */
export function listBoothsOfEnterprise(db: Kysely<Database>, enterpriseId: string) {
  return db
    .selectFrom('exhibitors')
    .innerJoin('exhibitions', 'exhibitions.id', 'exhibitors.exhibition_id')
    .selectAll('exhibitors')
    .where('exhibitors.enterprise_id', '=', enterpriseId)
    .orderBy('exhibitions.starts_on', 'desc')
    .execute()
}

export async function insertExhibitor(db: Kysely<Database>, row: ExhibitorRow): Promise<void> {
  await db.insertInto('exhibitors').values(row).execute()
}

export async function updateExhibitor(db: Kysely<Database>, id: string, changes: Updateable<ExhibitorsTable>): Promise<void> {
  await db.updateTable('exhibitors').set(changes).where('id', '=', id).execute()
}

/** Records a scan unless this person already scanned this code today; answers whether it counted. */
export async function recordScan(db: Kysely<Database>, row: Insertable<ExpoScansTable>): Promise<boolean> {
  const result = await db
    .insertInto('expo_scans')
    .values(row)
    .onConflict((oc) => oc.columns(['target', 'user_id', 'day']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

/** Counted scans per hour of an exhibition, entrance and booths together, in time order. */
export function countScansByHour(db: Kysely<Database>, exhibitionId: string) {
  return db
    .selectFrom('expo_scans')
    .select(['hour_start', (eb) => eb.fn.countAll<number>().as('scans')])
    .where('exhibition_id', '=', exhibitionId)
    .groupBy('hour_start')
    .orderBy('hour_start')
    .execute()
}

/** Booths anyone scanned, by counted scans, the busiest first, with how many follow each. */
export function busiestBooths(db: Kysely<Database>, exhibitionId: string, limit: number) {
  return db
    .selectFrom('exhibitors')
    .leftJoin('expo_scans', 'expo_scans.exhibitor_id', 'exhibitors.id')
    .select([
      'exhibitors.id',
      'exhibitors.name',
      'exhibitors.booth_no',
      (eb) => eb.fn.count<number>('expo_scans.user_id').as('scans'),
      (eb) =>
        eb
          .selectFrom('expo_follows')
          .select((f) => f.fn.countAll<number>().as('n'))
          .whereRef('expo_follows.exhibitor_id', '=', 'exhibitors.id')
          .as('follows'),
    ])
    .where('exhibitors.exhibition_id', '=', exhibitionId)
    .groupBy(['exhibitors.id', 'exhibitors.name', 'exhibitors.booth_no'])
    .having((eb) => eb.fn.count('expo_scans.user_id'), '>', 0)
    .orderBy('scans', 'desc')
    .orderBy('exhibitors.booth_no')
    .limit(limit)
    .execute()
}

/** The totals an organiser looks at first. */
export async function exhibitionTotals(db: Kysely<Database>, exhibitionId: string) {
  const [scans, visitors, follows] = await Promise.all([
    db
      .selectFrom('expo_scans')
      .select([(eb) => eb.fn.countAll<number>().as('scans'), (eb) => eb.fn.count<number>('user_id').distinct().as('people')])
      .where('exhibition_id', '=', exhibitionId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('expo_visitors')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('exhibition_id', '=', exhibitionId)
      .groupBy('kind')
      .execute(),
    db
      .selectFrom('expo_follows')
      .innerJoin('exhibitors', 'exhibitors.id', 'expo_follows.exhibitor_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('exhibitors.exhibition_id', '=', exhibitionId)
      .executeTakeFirstOrThrow(),
  ])
  const kind = (k: string) => Number(visitors.find((v) => v.kind === k)?.n ?? 0)
  return {
    scans: Number(scans.scans),
    people: Number(scans.people),
    visitors: kind('visitor'),
    vips: kind('vip'),
    follows: Number(follows.n),
  }
}

export function findVisitor(db: Kysely<Database>, exhibitionId: string, userId: string): Promise<ExpoVisitorRow | undefined> {
  return db
    .selectFrom('expo_visitors')
    .selectAll()
    .where('exhibition_id', '=', exhibitionId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}

/** Registers a visitor, or changes their registration (keeping when they first registered). */
export async function upsertVisitor(db: Kysely<Database>, row: ExpoVisitorRow): Promise<void> {
  const { exhibition_id: _e, user_id: _u, registered_at: _r, ...changes } = row
  await db
    .insertInto('expo_visitors')
    .values(row)
    .onConflict((oc) => oc.columns(['exhibition_id', 'user_id']).doUpdateSet(changes))
    .execute()
}

/**
 * Claims a VIP invitation for a person: one that is free, or theirs already (a repeated request).
 * A conditional update, so two people racing for one code cannot both have it.
 */
export async function claimInvitation(
  db: Kysely<Database>,
  exhibitionId: string,
  code: string,
  userId: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('expo_invitations')
    .set({ claimed_by: userId, claimed_at: now })
    .where('code', '=', code)
    .where('exhibition_id', '=', exhibitionId)
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', userId)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function insertInvitations(
  db: Kysely<Database>,
  rows: { code: string; exhibition_id: string; note: string; created_at: number }[],
): Promise<void> {
  if (rows.length === 0) return
  await db
    .insertInto('expo_invitations')
    .values(rows.map((r) => ({ ...r, claimed_by: null, claimed_at: null })))
    .execute()
}

export async function setFollow(db: Kysely<Database>, exhibitorId: string, userId: string, on: boolean, now: number): Promise<void> {
  if (on) {
    await db
      .insertInto('expo_follows')
      .values({ exhibitor_id: exhibitorId, user_id: userId, created_at: now })
      .onConflict((oc) => oc.columns(['exhibitor_id', 'user_id']).doNothing())
      .execute()
  } else {
    await db.deleteFrom('expo_follows').where('exhibitor_id', '=', exhibitorId).where('user_id', '=', userId).execute()
  }
}

export async function isFollowing(db: Kysely<Database>, exhibitorId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('expo_follows')
    .select('user_id')
    .where('exhibitor_id', '=', exhibitorId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Everyone who scanned or followed a booth: when they last scanned it, how often (days), whether
 * they follow, and their registration for the exhibition if any (the caller decides what to show).
 */
export async function listLeads(db: Kysely<Database>, exhibitor: { id: string; exhibition_id: string }) {
  const scans = await db
    .selectFrom('expo_scans')
    .select(['user_id', (eb) => eb.fn.max<number>('at').as('last_at'), (eb) => eb.fn.countAll<number>().as('days')])
    .where('exhibitor_id', '=', exhibitor.id)
    .groupBy('user_id')
    .execute()
  const follows = await db.selectFrom('expo_follows').select(['user_id', 'created_at']).where('exhibitor_id', '=', exhibitor.id).execute()
  const userIds = [...new Set([...scans.map((s) => s.user_id), ...follows.map((f) => f.user_id)])]
  const visitors = userIds.length
    ? await db
        .selectFrom('expo_visitors')
        .selectAll()
        .where('exhibition_id', '=', exhibitor.exhibition_id)
        .where('user_id', 'in', userIds)
        .execute()
    : []
  return { scans, follows, visitors }
}

/** The featured policies that are published, in the order the organisers listed them. */
export async function findFeaturedPolicies(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('policies')
    .select(POLICY_LIST_COLUMNS)
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .execute()
  return ids.flatMap((id) => rows.filter((row) => row.id === id))
}

export async function countInvitations(db: Kysely<Database>, exhibitionId: string) {
  const row = await db
    .selectFrom('expo_invitations')
    .select([(eb) => eb.fn.countAll<number>().as('total'), (eb) => eb.fn.count<number>('claimed_by').as('claimed')])
    .where('exhibition_id', '=', exhibitionId)
    .executeTakeFirstOrThrow()
  return { total: Number(row.total), claimed: Number(row.claimed) }
}
