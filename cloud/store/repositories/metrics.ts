import { DAY } from '../../domain/time-units'
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import { OPEN_STATES } from '../../domain/appeal/rules'
import type { DrillMeasure, MetricCounts } from '../../domain/metrics'
import type { Database } from '../database'
import { selectAppealSummaries } from './appeals'

const open = () => sql.join(OPEN_STATES.map((s) => sql.lit(s)))

/**
 * What each figure counts, as a condition on an appeal row: the one definition the bulletin's
 * counts and a drill-down to the appeals behind a figure both use (docs/metrics.md in words).
 */
export const MEASURES: Record<DrillMeasure, (now: number) => RawBuilder<SqlBool>> = {
  received: () => sql`1 = 1`,
  respondedOnTime: () => sql`responded_at is not null and responded_at <= accept_due_at`,
  notRespondedOnTime: () => sql`not (responded_at is not null and responded_at <= accept_due_at)`,
  resolved: () => sql`resolved_at is not null`,
  resolvedOnTime: () => sql`resolved_at is not null and resolved_late = 0`,
  resolvedLate: () => sql`resolved_at is not null and resolved_late = 1`,
  rated: () => sql`rating is not null`,
  satisfied: () => sql`rating in ('satisfied', 'basically_satisfied')`,
  unsatisfied: () => sql`rating = 'unsatisfied'`,
  returnedOrDisputed: () => sql`state = 'returned' or dispute_count > 0`,
  reopened: () => sql`reopen_count > 0`,
  overdue: (now) => sql`state in (${open()}) and due_at < ${now}`,
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
      count(m('respondedOnTime')).as('respondedOnTime'),
      count(m('resolved')).as('resolved'),
      count(m('resolvedOnTime')).as('resolvedOnTime'),
      count(m('rated')).as('rated'),
      count(m('satisfied')).as('satisfied'),
      count(m('returnedOrDisputed')).as('returnedOrDisputed'),
      count(m('reopened')).as('reopened'),
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

/** Help delivered by appeals resolved in [from, to): per kind, how many enterprises and how much. */
export async function sumHelpDelivered(db: Kysely<Database>, range: { from: number; to: number }) {
  const rows = await db
    .selectFrom('appeals')
    .where('resolved_at', '>=', range.from)
    .where('resolved_at', '<', range.to)
    .where('help_kind', 'is not', null)
    .select([
      'help_kind',
      sql<number>`count(distinct enterprise_id)`.as('enterprises'),
      sql<number>`coalesce(sum(help_amount), 0)`.as('amount'),
    ])
    .groupBy('help_kind')
    .execute()
  return rows.map((r) => ({ kind: r.help_kind!, enterprises: Number(r.enterprises), amount: Number(r.amount) }))
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
    .where(MEASURES[measure](now))
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
