import { sql, type Kysely, type Selectable, type Updateable } from 'kysely'
import type { CoverageGroup, CoveredVisits, PeriodVisits } from '../../domain/visit/compliance'
import type { Database } from '../database'
import type { PlanMilestonesTable, VisitsTable } from '../tables/visits'

export type VisitRow = Selectable<VisitsTable>
export type MilestoneRow = Selectable<PlanMilestonesTable>
/** Columns of a visit to change, as a move writes them. */
export type VisitChanges = Updateable<VisitsTable>

/** The open half-days of some visitors between two days (inclusive). */
export function listOpenSlots(db: Kysely<Database>, hostIds: string[], fromDay: string, toDay: string) {
  if (hostIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('visit_slots')
    .select(['host_id', 'day', 'half'])
    .where('host_id', 'in', hostIds)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .orderBy('day')
    .orderBy('half')
    .execute()
}

/** The slots live visits hold, as host|day|half keys. */
export async function listHeldSlots(db: Kysely<Database>, hostIds: string[], fromDay: string, toDay: string): Promise<Set<string>> {
  if (hostIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('visits')
    .select('held_slot')
    .where('host_id', 'in', hostIds)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .where('held_slot', 'is not', null)
    .execute()
  return new Set(rows.map((r) => r.held_slot as string))
}

export async function hasOpenSlot(db: Kysely<Database>, hostId: string, day: string, half: string): Promise<boolean> {
  const row = await db
    .selectFrom('visit_slots')
    .select('host_id')
    .where('host_id', '=', hostId)
    .where('day', '=', day)
    .where('half', '=', half)
    .executeTakeFirst()
  return row !== undefined
}

/** Replaces a visitor's open half-days on the given days with `slots`. */
export async function replaceSlots(
  trx: Kysely<Database>,
  hostId: string,
  days: string[],
  slots: { day: string; half: string }[],
  now: number,
): Promise<void> {
  await trx.deleteFrom('visit_slots').where('host_id', '=', hostId).where('day', 'in', days).execute()
  if (slots.length)
    await trx
      .insertInto('visit_slots')
      .values(slots.map((s) => ({ host_id: hostId, day: s.day, half: s.half, created_at: now })))
      .execute()
}

export async function insertVisit(trx: Kysely<Database>, row: VisitRow): Promise<void> {
  await trx.insertInto('visits').values(row).execute()
}

export function findVisitById(db: Kysely<Database>, id: string): Promise<VisitRow | undefined> {
  return db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findVisitByRequest(db: Kysely<Database>, userId: string, clientRequestId: string): Promise<VisitRow | undefined> {
  return db
    .selectFrom('visits')
    .selectAll()
    .where('requested_by', '=', userId)
    .where('client_request_id', '=', clientRequestId)
    .executeTakeFirst()
}

/** Writes a change if nobody changed the visit since `version` was read; answers whether it did. */
export async function updateVisitIfVersion(trx: Kysely<Database>, id: string, version: number, patch: VisitChanges): Promise<boolean> {
  const result = await trx
    .updateTable('visits')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** A host's live visit to an enterprise on a day: what a check-in on site proves. */
export function findLiveVisitOn(db: Kysely<Database>, hostId: string, enterpriseId: string, day: string): Promise<VisitRow | undefined> {
  return db
    .selectFrom('visits')
    .selectAll()
    .where('host_id', '=', hostId)
    .where('enterprise_id', '=', enterpriseId)
    .where('day', '=', day)
    .where('state', '=', 'confirmed')
    .orderBy('half')
    .executeTakeFirst()
}

export type VisitScope = 'upcoming' | 'past' | 'all'

/** Visits of an enterprise (for its owner) or of a visitor (for staff), upcoming soonest first, past latest first, with their total. */
export async function listVisits(
  db: Kysely<Database>,
  who: { enterpriseId: string } | { hostId: string },
  scope: VisitScope,
  today: string,
  limit: number,
  offset: number,
) {
  let query = db.selectFrom('visits')
  query = 'enterpriseId' in who ? query.where('enterprise_id', '=', who.enterpriseId) : query.where('host_id', '=', who.hostId)
  // Upcoming: asked for and not yet past, or confirmed and still to be recorded.
  if (scope === 'upcoming')
    query = query.where((eb) =>
      eb.or([eb.and([eb('state', 'in', ['requested', 'proposed']), eb('day', '>=', today)]), eb('state', '=', 'confirmed')]),
    )
  if (scope === 'past')
    query = query.where((eb) =>
      eb.or([
        eb('state', 'in', ['done', 'declined', 'cancelled']),
        eb.and([eb('state', 'in', ['requested', 'proposed']), eb('day', '<', today)]),
      ]),
    )
  const ordered =
    scope === 'upcoming'
      ? query.selectAll().orderBy('day').orderBy('half')
      : query.selectAll().orderBy('day', 'desc').orderBy('half', 'desc')
  const [rows, count] = await Promise.all([
    ordered.orderBy('id').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/**
 * Marks the day-before reminder of a visit sent, if it was not and nobody changed the visit since
 * `version` was read; answers whether this call did (two sweeps at once remind once).
 */
export async function markReminded(db: Kysely<Database>, id: string, version: number, at: number): Promise<boolean> {
  const claimed = await db
    .updateTable('visits')
    .set({ reminded_at: at })
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(claimed.numUpdatedRows) === 1
}

/** Confirmed visits on a day whose reminder has not gone out. */
export function findVisitsToRemind(db: Kysely<Database>, day: string) {
  return db
    .selectFrom('visits')
    .selectAll()
    .where('day', '=', day)
    .where('state', '=', 'confirmed')
    .where('reminded_at', 'is', null)
    .execute()
}

type Periods = Record<'week' | 'month' | 'quarter', { from: number; to: number }>

/** Proven visits in the window, their columns as `visits.…`, with whether each fell in each period (to group by visitor and enterprise). */
function provenVisitsIn(db: Kysely<Database>, periods: Periods, window: { from: number; to: number }) {
  const within = (p: { from: number; to: number }) =>
    sql<number>`max(case when visits.visited_at >= ${p.from} and visits.visited_at < ${p.to} then 1 else 0 end)`
  return db
    .selectFrom('visits')
    .select([
      'visits.host_id',
      'visits.enterprise_id',
      within(periods.week).as('week'),
      within(periods.month).as('month'),
      within(periods.quarter).as('quarter'),
    ])
    .where('visits.proven', '=', 1)
    .where('visits.visited_at', '>=', window.from)
    .where('visits.visited_at', '<', window.to)
}

const periodVisits = (r: { host_id: string; enterprise_id: string; week: number; month: number; quarter: number }): PeriodVisits => ({
  hostId: r.host_id,
  enterpriseId: r.enterprise_id,
  week: Number(r.week) === 1,
  month: Number(r.month) === 1,
  quarter: Number(r.quarter) === 1,
})

/**
 * For every visitor and enterprise with a proven visit in the window, whether one fell in each of
 * the three periods: one aggregate over the covering index, whatever the number of visits.
 */
export async function provenVisitsByPeriod(
  db: Kysely<Database>,
  periods: Periods,
  window: { from: number; to: number },
  filter?: { enterpriseIds?: string[] },
) {
  let query = provenVisitsIn(db, periods, window)
  if (filter?.enterpriseIds) query = query.where('visits.enterprise_id', 'in', filter.enterpriseIds.length ? filter.enterpriseIds : [''])
  const rows = await query.groupBy(['visits.host_id', 'visits.enterprise_id']).execute()
  return rows.map(periodVisits)
}

/** provenVisitsByPeriod for the enterprises on the roster, each with who covers it (to match listCoverageGroups). */
export async function provenVisitsWithCoverage(
  db: Kysely<Database>,
  periods: Periods,
  window: { from: number; to: number },
): Promise<CoveredVisits[]> {
  const rows = await provenVisitsIn(db, periods, window)
    .innerJoin('enterprises as e', 'e.id', 'visits.enterprise_id')
    .where('e.deactivated_at', 'is', null)
    .select(['e.officer_id', 'e.leader_id', 'e.department_id'])
    .groupBy(['visits.host_id', 'visits.enterprise_id', 'e.officer_id', 'e.leader_id', 'e.department_id'])
    .execute()
  return rows.map((r) => ({ ...periodVisits(r), officerId: r.officer_id, leaderId: r.leader_id, departmentId: r.department_id }))
}

/** The latest proven visit of each of some enterprises by anyone. */
export async function lastVisitOf(db: Kysely<Database>, enterpriseIds: string[]): Promise<Map<string, number>> {
  if (enterpriseIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('visits')
    .select((eb) => ['enterprise_id', eb.fn.max('visited_at').as('last')])
    .where('proven', '=', 1)
    .where('enterprise_id', 'in', enterpriseIds)
    .groupBy('enterprise_id')
    .execute()
  return new Map(rows.map((r) => [r.enterprise_id, Number(r.last)]))
}

/** The heads of each department (open accounts), by id. */
async function headsByDepartment(db: Kysely<Database>) {
  const heads = await db
    .selectFrom('users')
    .select(['id', 'department_id'])
    .where('role', '=', 'dept_head')
    .where('deactivated_at', 'is', null)
    .orderBy('id')
    .execute()
  const headsOf = new Map<string, string[]>()
  for (const h of heads) if (h.department_id !== null) headsOf.set(h.department_id, [...(headsOf.get(h.department_id) ?? []), h.id])
  return { heads, of: (departmentId: string | null) => headsOf.get(departmentId ?? '') ?? NO_HEADS }
}

/**
 * Who covers each enterprise on the roster: its officer, its department's head(s) and its leader.
 * Heads are few (one a department), so they are read apart and matched here rather than joined row
 * by row. Closed accounts and enterprises that left the roster owe and are owed no visits.
 */
export async function listCoverage(db: Kysely<Database>, filter?: { departmentId?: string; personId?: string }) {
  const { heads, of } = await headsByDepartment(db)
  let query = db
    .selectFrom('enterprises')
    .select(['id', 'officer_id', 'leader_id', 'department_id', 'name', 'park'])
    .where('deactivated_at', 'is', null)
  if (filter?.departmentId) query = query.where('department_id', '=', filter.departmentId)
  if (filter?.personId) {
    const person = filter.personId
    const headOf = heads.filter((h) => h.id === person).map((h) => h.department_id ?? '')
    query = query.where((eb) =>
      eb.or([eb('officer_id', '=', person), eb('leader_id', '=', person), ...(headOf.length ? [eb('department_id', 'in', headOf)] : [])]),
    )
  }
  const rows = await query.orderBy('id').execute()
  // Set on each row as read, not copied: copying a town's 10,000 rows took as long as reading them.
  return rows.map((row) => Object.assign(row, { head_ids: of(row.department_id) }))
}

/**
 * The roster's enterprises grouped by who covers them (officer, leader, department, and so the
 * department's heads), with how many each: a town's coverage in as many rows as there are such
 * groups. In the order of each group's first enterprise by id, the order listCoverage reads them in.
 */
export async function listCoverageGroups(db: Kysely<Database>): Promise<CoverageGroup[]> {
  const [{ of }, groups] = await Promise.all([
    headsByDepartment(db),
    db
      .selectFrom('enterprises')
      .select((eb) => ['officer_id', 'leader_id', 'department_id', eb.fn.countAll<number>().as('enterprises')])
      .where('deactivated_at', 'is', null)
      .groupBy(['officer_id', 'leader_id', 'department_id'])
      .orderBy((eb) => eb.fn.min('id'))
      .execute(),
  ])
  return groups.map((g) => ({
    officerId: g.officer_id,
    leaderId: g.leader_id,
    departmentId: g.department_id,
    headIds: of(g.department_id),
    enterprises: Number(g.enterprises),
  }))
}

const NO_HEADS: readonly string[] = []

export function listMilestones(db: Kysely<Database>, enterpriseId: string) {
  return db.selectFrom('plan_milestones').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('due_on').orderBy('id').execute()
}

export function findMilestoneById(db: Kysely<Database>, id: string): Promise<MilestoneRow | undefined> {
  return db.selectFrom('plan_milestones').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertMilestone(db: Kysely<Database>, row: MilestoneRow): Promise<void> {
  await db.insertInto('plan_milestones').values(row).execute()
}

export async function updateMilestone(db: Kysely<Database>, id: string, changes: Updateable<PlanMilestonesTable>): Promise<void> {
  await db.updateTable('plan_milestones').set(changes).where('id', '=', id).execute()
}

/** Marks a milestone done, with how, unless it already is. */
export async function markMilestoneDone(db: Kysely<Database>, id: string, note: string, at: number): Promise<void> {
  await db
    .updateTable('plan_milestones')
    .set({ done_at: at, note, updated_at: at })
    .where('id', '=', id)
    .where('done_at', 'is', null)
    .execute()
}

type RequiredVisitFields =
  'id' | 'enterprise_id' | 'host_id' | 'host_role' | 'kind' | 'origin' | 'topic' | 'day' | 'half' | 'state' | 'created_at'

/** A visit row as first written: what the caller names, and nothing yet proven, recorded or held. */
export function newVisitRow(fields: Pick<VisitRow, RequiredVisitFields> & Partial<VisitRow>): VisitRow {
  return {
    requested_by: null,
    client_request_id: null,
    appeal_id: null,
    held_slot: null,
    quota_key: null,
    note: '',
    checked_in_at: null,
    checkin_lat: null,
    checkin_lng: null,
    owner_confirmed_at: null,
    proven: 0,
    visited_at: null,
    record: null,
    internal_note: '',
    reminded_at: null,
    version: 0,
    updated_at: fields.created_at,
    ...fields,
  }
}

/** Which of these places of a weekly booking allowance live bookings hold now. */
export async function findHeldQuotaKeys(db: Kysely<Database>, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set()
  const rows = await db.selectFrom('visits').select('quota_key').where('quota_key', 'in', keys).execute()
  return new Set(rows.map((r) => r.quota_key as string))
}

/** The visits a host still has ahead (requested, proposed, confirmed), of some enterprises or all. */
export function listLiveVisitsOfHost(db: Kysely<Database>, hostId: string, enterpriseIds?: string[]): Promise<VisitRow[]> {
  if (enterpriseIds && enterpriseIds.length === 0) return Promise.resolve([])
  let query = db.selectFrom('visits').selectAll().where('host_id', '=', hostId).where('state', 'in', ['requested', 'proposed', 'confirmed'])
  if (enterpriseIds) query = query.where('enterprise_id', 'in', enterpriseIds)
  return query.orderBy('day').orderBy('half').execute()
}

/** How many open milestones (一企一策) some enterprises' plans have. */
export async function countOpenMilestones(db: Kysely<Database>, enterpriseIds: string[]): Promise<number> {
  if (enterpriseIds.length === 0) return 0
  const row = await db
    .selectFrom('plan_milestones')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enterprise_id', 'in', enterpriseIds)
    .where('done_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
