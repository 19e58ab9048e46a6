import { DAY } from '../../domain/time-units'
import { inZone } from '../../domain/clock'
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import { BAD_RATINGS, GOOD_RATINGS, OPEN_STATES, PAUSED } from '../../domain/appeal/rules'
import type { DrillMeasure, MetricCounts } from '../../domain/metrics'
import type { Database } from '../database'
import { selectAppealSummaries } from './appeals'

const list = (states: readonly string[]) => sql.join(states.map((s) => sql.lit(s)))
const open = () => list(OPEN_STATES)

/** Conditions on an appeal row that several figures share. */
const overdue = (now: number) =>
  sql<SqlBool>`(state in (${open()}) and (due_at < ${now} or (state = ${sql.lit(PAUSED)} and close_due_at < paused_at)))`
const withdrawnLate = sql<SqlBool>`(state = 'withdrawn' and withdrawn_late = 1)`
const valid = sql<SqlBool>`rating_voided = 0`
const respondedInTime = sql<SqlBool>`(responded_at is not null and responded_at <= accept_due_at)`
const responseDue = sql<SqlBool>`not (state = 'withdrawn' and responded_at is null and withdrawn_late = 0)`
const resolved = sql<SqlBool>`resolved_at is not null`
const rectifyDue = (now: number) => sql<SqlBool>`(reopen_count > 0 and ${valid} and (rectified_at is not null or rectify_due_at < ${now}))`
const rectifiedInTime = sql<SqlBool>`(reopen_count > 0 and ${valid} and rectified_at is not null and rectify_late = 0)`
const rectified = sql<SqlBool>`(reopen_count > 0 and ${valid} and rectified_at is not null)`
const followedUp = sql<SqlBool>`(${rectified} and followed_up_at >= rectified_at)`

/**
 * What each figure counts, as a condition on an appeal row: the one definition the bulletin's
 * counts and a drill-down to the appeals behind a figure both use (docs/metrics.md in words).
 */
export const MEASURES: Record<DrillMeasure, (now: number) => RawBuilder<SqlBool>> = {
  received: () => sql`1 = 1`,
  respondedOnTime: () => respondedInTime,
  notRespondedOnTime: () => sql`${responseDue} and not ${respondedInTime}`,
  resolved: () => resolved,
  resolvedOnTime: () => sql`${resolved} and resolved_late = 0`,
  resolvedLate: () => sql`${resolved} and resolved_late = 1`,
  notOnTime: (now) => sql`(${resolved} and resolved_late = 1) or ${overdue(now)} or ${withdrawnLate}`,
  rated: () => sql`rating is not null and ${valid}`,
  satisfied: () => sql`rating in (${list(GOOD_RATINGS)}) and ${valid}`,
  unsatisfied: () => sql`rating in (${list(BAD_RATINGS)}) and ${valid}`,
  solved: () => sql`solved = 1`,
  notSolved: () => sql`solved = 0`,
  returnedOrDisputed: () => sql`return_outcome is not null or dispute_count > 0`,
  returned: () => sql`return_outcome is not null`,
  returnOverturned: () => sql`return_outcome = 'overturned'`,
  withdrawn: () => sql`state = 'withdrawn'`,
  paused: () => sql`pause_count > 0`,
  reopened: () => sql`reopen_count > 0`,
  notRectifiedOnTime: (now) => sql`${rectifyDue(now)} and not ${rectifiedInTime}`,
  notFollowedUp: () => sql`${rectified} and not (followed_up_at is not null and followed_up_at >= rectified_at)`,
  spotChecked: () => sql`spot_checked_at is not null`,
  overdue,
}

const count = (condition: Expression<SqlBool>) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`

/** The dimensions a period's counts can be split by; the week is counted from `weekOrigin` (a Monday 00:00). */
export type MetricDimension = 'department' | 'category' | 'week' | 'handler' | 'enterprise'

const WEEK = 7 * DAY

/**
 * The bulletin's counts for the appeals submitted in [from, to), split by the dimensions asked for:
 * one pass over the period's rows by a covering index (appeals_dashboard_idx), all in SQL. The
 * finest split is summed in memory for coarser views, so a dashboard needs only this one query.
 */
export async function countAppealMetrics(
  db: Kysely<Database>,
  range: { from: number; to: number },
  now: number,
  by: MetricDimension[] = ['department'],
  weekOrigin = range.from,
  filter?: { departmentId?: string },
) {
  const m = (name: DrillMeasure) => MEASURES[name](now)
  const keys: Record<MetricDimension, RawBuilder<unknown>> = {
    department: sql`department_id`,
    category: sql`category`,
    handler: sql`handler_id`,
    enterprise: sql`enterprise_id`,
    // Whole weeks since the origin; both databases divide integers by truncating, and no row is before it.
    week: sql`cast((submitted_at - ${weekOrigin}) / ${WEEK} as integer)`,
  }
  const rows = await db
    .selectFrom('appeals')
    .where('submitted_at', '>=', range.from)
    .where('submitted_at', '<', range.to)
    .$call((q) => (filter?.departmentId ? q.where('department_id', '=', filter.departmentId) : q))
    .select([
      ...by.map((d) => keys[d].as(d)),
      sql<number>`count(*)`.as('received'),
      count(responseDue).as('responseDue'),
      count(m('respondedOnTime')).as('respondedOnTime'),
      count(m('resolved')).as('resolved'),
      count(m('resolvedOnTime')).as('resolvedOnTime'),
      count(sql`${resolved} or ${overdue(now)} or ${withdrawnLate}`).as('onTimeDue'),
      count(m('rated')).as('rated'),
      count(m('satisfied')).as('satisfied'),
      count(m('unsatisfied')).as('unsatisfied'),
      count(sql`solved is not null`).as('solvedAnswered'),
      count(m('solved')).as('solved'),
      count(m('returnedOrDisputed')).as('returnedOrDisputed'),
      count(m('returned')).as('returned'),
      count(sql`return_outcome = 'pending'`).as('returnPending'),
      count(sql`return_outcome = 'upheld'`).as('returnUpheld'),
      count(m('returnOverturned')).as('returnOverturned'),
      count(sql`return_objected = 1`).as('returnObjected'),
      count(m('withdrawn')).as('withdrawn'),
      count(m('paused')).as('paused'),
      sql<number>`coalesce(sum(pause_count), 0)`.as('pauses'),
      sql<number>`coalesce(sum(paused_ms + case when paused_at is not null then ${now} - paused_at else 0 end), 0)`.as('pausedMs'),
      count(m('reopened')).as('reopened'),
      count(rectifyDue(now)).as('rectifyDue'),
      count(rectifiedInTime).as('rectifiedOnTime'),
      count(rectified).as('rectified'),
      count(followedUp).as('followedUp'),
      count(sql`spot_check_picked = 1`).as('spotPicked'),
      count(m('spotChecked')).as('spotChecked'),
      count(sql`spot_check_result = 'pressured'`).as('pressured'),
      count(m('overdue')).as('overdue'),
      sql<number>`coalesce(sum(case when responded_at is not null then responded_at - submitted_at else 0 end), 0)`.as('respondMsTotal'),
      count(sql`responded_at is not null`).as('responded'),
      sql<number>`coalesce(sum(case when resolved_at is not null then resolved_at - submitted_at else 0 end), 0)`.as('resolveMsTotal'),
    ])
    // By the output names: PostgreSQL would not see two copies of a parametrised expression as one.
    .$call((q) => (by.length ? q.groupBy(by.map((d) => sql.ref(d))) : q))
    .execute()
  return rows.map((row) => {
    const record = row as Record<string, unknown>
    const counts = Object.fromEntries(
      Object.entries(record)
        .filter(([k]) => !by.includes(k as MetricDimension))
        .map(([k, v]) => [k, Number(v)]),
    ) as unknown as MetricCounts
    return {
      departmentId: (record.department as string | null | undefined) ?? null,
      category: (record.category as string | undefined) ?? null,
      week: record.week === undefined ? null : Number(record.week),
      handlerId: (record.handler as string | null | undefined) ?? null,
      enterpriseId: (record.enterprise as string | undefined) ?? null,
      counts,
    }
  })
}

/**
 * Help delivered in [from, to): by appeals resolved then, and by ledger entries (帮扶台账) given then
 * that their enterprise confirmed (an unconfirmed or disputed entry does not count). Per kind, how
 * many enterprises and how much.
 */
export async function sumHelpDelivered(db: Kysely<Database>, range: { from: number; to: number }) {
  const day = (ms: number) => inZone(ms).format('YYYY-MM-DD')
  const byAppeals = db
    .selectFrom('appeals')
    .where('resolved_at', '>=', range.from)
    .where('resolved_at', '<', range.to)
    .where('help_kind', 'is not', null)
    .select([sql<string>`help_kind`.as('kind'), 'enterprise_id', sql<number | null>`help_amount`.as('amount')])
  const byLedger = db
    .selectFrom('help_entries')
    .where('state', '=', 'confirmed')
    .where('given_on', '>=', day(range.from))
    .where('given_on', '<', day(range.to))
    .select([sql<string>`kind`.as('kind'), 'enterprise_id', sql<number | null>`amount`.as('amount')])
  const rows = await db
    .selectFrom(byAppeals.unionAll(byLedger).as('h'))
    .select([
      'h.kind',
      sql<number>`count(distinct h.enterprise_id)`.as('enterprises'),
      sql<number>`coalesce(sum(h.amount), 0)`.as('amount'),
    ])
    .groupBy('h.kind')
    .orderBy('h.kind')
    .execute()
  return rows.map((r) => ({ kind: r.kind, enterprises: Number(r.enterprises), amount: Number(r.amount) }))
}

/**
 * A page of the appeals submitted in [from, to) behind a figure (for the town, a department or a
 * category), by the same condition the figure counts, newest first, with their total.
 */
export async function listAppealsBehind(
  db: Kysely<Database>,
  measure: DrillMeasure,
  range: { from: number; to: number },
  now: number,
  filter: { departmentId?: string; category?: string },
  limit: number,
  offset: number,
) {
  let query = db
    .selectFrom('appeals')
    .where('appeals.submitted_at', '>=', range.from)
    .where('appeals.submitted_at', '<', range.to)
    // In parentheses: a condition with an `or` must not swallow the period's bounds.
    .where(sql<SqlBool>`(${MEASURES[measure](now)})`)
  if (filter.departmentId) query = query.where('appeals.department_id', '=', filter.departmentId)
  if (filter.category) query = query.where('appeals.category', '=', filter.category)
  const ids = query.select('appeals.id')
  const [rows, count] = await Promise.all([
    selectAppealSummaries(db)
      .where('appeals.id', 'in', ids.orderBy('appeals.submitted_at', 'desc').orderBy('appeals.id').limit(limit).offset(offset))
      .orderBy('appeals.submitted_at', 'desc')
      .orderBy('appeals.id')
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}
