import { DAY } from '../../domain/time-units'
import { inZone } from '../../domain/clock'
import { sql, SqliteAdapter, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import { addCounts, METRIC_KEYS, NO_COUNTS, type DrillMeasure, type MetricCounts } from '../../domain/metrics'
import type { Database } from '../database'
import { selectAppealSummaries } from './appeals'
import { keptCountsAnswer, sumDailyCounts } from './appeal-daily-counts'
import { liveParts, MEASURES, metricSelections } from './metric-conditions'

/** The dimensions a period's counts can be split by; the week is counted from `weekOrigin` (a Monday 00:00). */
export type MetricDimension = 'department' | 'category' | 'week' | 'handler' | 'enterprise'

const WEEK = 7 * DAY

type MetricGroup = {
  departmentId: string | null
  category: string | null
  week: number | null
  handlerId: string | null
  enterpriseId: string | null
  counts: MetricCounts
}

/**
 * The bulletin's counts for the appeals submitted in [from, to), split by the dimensions asked for,
 * all in SQL. For whole days by department, category or week (the bulletin, the dashboard, the
 * assessment), the counts come from appeal_daily_counts, plus what it leaves to be read at `now`
 * (metric-conditions.ts liveParts: what the appeals whose deadline is still ahead do not count yet,
 * and the fresh appeals' counts), each from a partial index; otherwise one pass over the period's rows by a
 * covering index (appeals_dashboard_idx). The finest split is summed in memory for coarser views,
 * so a dashboard needs only this one call.
 */
export async function countAppealMetrics(
  db: Kysely<Database>,
  range: { from: number; to: number },
  now: number,
  by: MetricDimension[] = ['department'],
  weekOrigin = range.from,
  filter?: { departmentId?: string },
): Promise<MetricGroup[]> {
  if (!keptCountsAnswer(range, by, weekOrigin)) return countAppealsDirectly(db, range, now, by, weekOrigin, filter)
  // Split by week, a query per week: PostgreSQL cannot tell how many groups a computed week makes,
  // so it sorted the month's appeals read live (on disk, at a million) to group them.
  const liveCount = (part: LivePart) =>
    by.includes('week')
      ? Promise.all(
          weeksOf(range, weekOrigin).map(async (week, index) =>
            (await countAppealsDirectly(db, week, now, without(by, 'week'), weekOrigin, filter, part)).map((g) => ({ ...g, week: index })),
          ),
        ).then((weeks) => weeks.flat())
      : countAppealsDirectly(db, range, now, by, weekOrigin, filter, part)
  const [kept, ...live] = await Promise.all([sumDailyCounts(db, range, now, by, weekOrigin, filter), ...liveParts(now).map(liveCount)])
  const read = live.flat()
  const groups = new Map<string, MetricGroup>()
  const add = (g: Omit<MetricGroup, 'handlerId' | 'enterpriseId'>) => {
    const key = JSON.stringify([g.departmentId, g.category, g.week])
    const sum = groups.get(key)
    groups.set(key, {
      departmentId: g.departmentId,
      category: g.category,
      week: g.week,
      handlerId: null,
      enterpriseId: null,
      counts: addCounts(sum?.counts ?? NO_COUNTS, g.counts),
    })
  }
  for (const g of read) add(g)
  for (const g of kept) add({ departmentId: g.department ?? null, category: g.category ?? null, week: g.week ?? null, counts: g.counts })
  // A kept row can hold nothing (its appeals moved elsewhere); the direct count has no such group,
  // except the one row an aggregate without a split always answers.
  const held = [...groups.values()].filter((g) => g.counts.received > 0)
  if (by.length > 0 || held.length > 0) return held
  return [{ departmentId: null, category: null, week: null, handlerId: null, enterpriseId: null, counts: NO_COUNTS }]
}

type LivePart = ReturnType<typeof liveParts>[number]

const without = <T>(list: T[], item: T) => list.filter((x) => x !== item)

/** The weeks from `origin` that overlap [from, to), each cut to it; the first is week 0. */
function weeksOf(range: { from: number; to: number }, origin: number): { from: number; to: number }[] {
  const weeks = []
  for (let start = origin; start < range.to; start += WEEK)
    weeks.push({ from: Math.max(start, range.from), to: Math.min(start + WEEK, range.to) })
  return weeks
}

/**
 * The same counts read from the appeals alone: for the splits the kept counts do not hold, and
 * what the kept counts must equal. `only` narrows the appeals and the counts (those not selected
 * read 0).
 */
export async function countAppealsDirectly(
  db: Kysely<Database>,
  range: { from: number; to: number },
  now: number,
  by: MetricDimension[],
  weekOrigin: number,
  filter?: { departmentId?: string },
  only?: LivePart,
): Promise<MetricGroup[]> {
  const keys: Record<MetricDimension, RawBuilder<unknown>> = {
    department: sql`department_id`,
    category: sql`category`,
    handler: sql`handler_id`,
    enterprise: sql`enterprise_id`,
    // Whole weeks since the origin; both databases divide integers by truncating, and no row is before it.
    week: sql`cast((submitted_at - ${weekOrigin}) / ${WEEK} as integer)`,
  }
  // A part read by its deadline: on SQLite the filing time bounds no index (`+submitted_at`), so
  // that it takes the deadline's; PostgreSQL weighs both and bounds the month in that index too.
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  const filed = only?.byDeadline && sqlite ? sql<number>`+submitted_at` : sql.ref('submitted_at')
  const rows = await db
    .selectFrom('appeals')
    .where(filed, '>=', range.from)
    .where(filed, '<', range.to)
    .$call((q) => (filter?.departmentId ? q.where('department_id', '=', filter.departmentId) : q))
    .$call((q) => (only ? q.where(only.where) : q))
    .select([...by.map((d) => keys[d].as(d)), ...(only?.selections ?? metricSelections(now))])
    // By the output names: PostgreSQL would not see two copies of a parametrised expression as one.
    .$call((q) => (by.length ? q.groupBy(by.map((d) => sql.ref(d))) : q))
    .execute()
  return rows.map((row) => {
    const record = row as Record<string, unknown>
    return {
      departmentId: (record.department as string | null | undefined) ?? null,
      category: (record.category as string | undefined) ?? null,
      week: record.week === undefined ? null : Number(record.week),
      handlerId: (record.handler as string | null | undefined) ?? null,
      enterpriseId: (record.enterprise as string | undefined) ?? null,
      counts: Object.fromEntries(METRIC_KEYS.map((key) => [key, Number(record[key] ?? 0)])) as unknown as MetricCounts,
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
