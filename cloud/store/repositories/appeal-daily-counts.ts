import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely'
import { METRIC_KEYS, type MetricCounts } from '../../domain/metrics'
import { DAY, HOUR } from '../../domain/time-units'
import type { Database } from '../database'
import type { AppealsTable } from '../tables/appeals'
import { forEachRebuildSpan } from './appeal-spans'
import { keptSelections } from './metric-conditions'

/**
 * appeal_daily_counts (migrations 0027 and 0042): the bulletin's counts per day, department and
 * category, so that a month's figures read a few hundred rows instead of every appeal of the month.
 * What it leaves to the read (metric-conditions.ts liveParts): fresh appeals, counted whole, and
 * the appeals whose deadline is still ahead, kept as if it had passed. Rewritten from the appeals
 * themselves, by the same definitions the direct count uses, in the transaction of each change to
 * an appeal.
 */

/** Beijing keeps no daylight saving: a day starts at 16:00 UTC the day before. */
const ZONE_OFFSET = 8 * HOUR
/** The Beijing day an instant falls on, as that day's 00:00 in epoch ms. */
export const dayOf = (ms: number) => ms - ((((ms + ZONE_OFFSET) % DAY) + DAY) % DAY)
const dayOfSubmission = sql<number>`submitted_at - ((submitted_at + ${sql.lit(ZONE_OFFSET)}) % ${sql.lit(DAY)})`

const COUNT_COLUMNS = METRIC_KEYS.map((key) =>
  key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
) as (keyof Database['appeal_daily_counts'])[]
/** keptSelections' columns, in its order: a column per count, then the appeals paused now. */
const COLUMNS = [...COUNT_COLUMNS, 'paused_now'] as const
const KEY_COLUMNS = ['day', 'department_id', 'category'] as const

interface Bucket {
  day: number
  /** '' for an appeal no department holds. */
  departmentId: string
  category: string
}

type CountedAppeal = Pick<AppealsTable, 'submitted_at' | 'department_id' | 'category'>

const bucketOf = (appeal: CountedAppeal): Bucket => ({
  day: dayOf(appeal.submitted_at),
  departmentId: appeal.department_id ?? '',
  category: appeal.category,
})
const bucketKey = (b: Bucket) => `${b.day}\u0000${b.departmentId}\u0000${b.category}`

/** The kept counts of the appeals chosen, per day, department and category. */
function countsPerBucket(db: Kysely<Database>, choose: (q: SelectQueryBuilder<Database, 'appeals', object>) => typeof q) {
  const departmentKey = sql<string>`coalesce(department_id, '')`
  return choose(db.selectFrom('appeals'))
    .select([dayOfSubmission.as('day'), departmentKey.as('department_id'), 'category', ...keptSelections()])
    .groupBy([dayOfSubmission, departmentKey, 'category'])
}

/**
 * A new appeal: adds it to its day, department and category, in one statement. Additions commute,
 * so concurrent filings each add theirs to the row as the last one left it.
 */
export async function addToDailyCounts(db: Kysely<Database>, appealId: string): Promise<void> {
  await db
    .insertInto('appeal_daily_counts')
    .columns([...KEY_COLUMNS, ...COLUMNS])
    .expression(countsPerBucket(db, (q) => q.where('id', '=', appealId)))
    .onConflict((oc) =>
      oc
        .columns(KEY_COLUMNS)
        .doUpdateSet(
          Object.fromEntries(COLUMNS.map((c) => [c, sql`${sql.ref(`appeal_daily_counts.${c}`)} + ${sql.ref(`excluded.${c}`)}`])),
        ),
    )
    .execute()
}

/**
 * A changed appeal: rewrites the counts of the day, department and category it was and is in,
 * from their appeals. (Subtracting the old row and adding the new would need the old row in SQL,
 * and a version conflict between the two would leave half a change.)
 */
export async function rewriteDailyCounts(db: Kysely<Database>, before: CountedAppeal, after: CountedAppeal): Promise<void> {
  const buckets = new Map([before, after].map((a) => [bucketKey(bucketOf(a)), bucketOf(a)]))
  // One order for every writer, so two transactions that each touch two buckets cannot deadlock.
  for (const key of [...buckets.keys()].sort()) await rewriteBucket(db, buckets.get(key)!)
}

async function rewriteBucket(db: Kysely<Database>, bucket: Bucket): Promise<void> {
  const keys = { day: bucket.day, department_id: bucket.departmentId, category: bucket.category }
  // The row's lock first: on PostgreSQL a transaction changing another appeal of the same bucket
  // then commits before the counts below are read, so neither writes counts that miss the other.
  await db
    .insertInto('appeal_daily_counts')
    .values(keys)
    .onConflict((oc) => oc.columns(KEY_COLUMNS).doUpdateSet({ received: (eb) => eb.ref('appeal_daily_counts.received') }))
    .execute()
  const counted = db
    .selectFrom('appeals')
    .where('submitted_at', '>=', bucket.day)
    .where('submitted_at', '<', bucket.day + DAY)
    .where((eb) => (bucket.departmentId ? eb('department_id', '=', bucket.departmentId) : eb('department_id', 'is', null)))
    .where('category', '=', bucket.category)
    // No group: one row even when no appeal is left in the bucket, which sets its counts to 0.
    .select([
      sql<number>`cast(${bucket.day} as bigint)`.as('day'),
      sql<string>`cast(${bucket.departmentId} as text)`.as('department_id'),
      sql<string>`cast(${bucket.category} as text)`.as('category'),
      ...keptSelections(),
    ])
  await db
    .insertInto('appeal_daily_counts')
    .columns([...KEY_COLUMNS, ...COLUMNS])
    .expression(counted)
    .onConflict((oc) => oc.columns(KEY_COLUMNS).doUpdateSet((eb) => Object.fromEntries(COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))))
    .execute()
}

/**
 * Rewrites every kept count from the appeals (after the table is made, or when what a figure
 * counts changes), thirty days of filings a statement. Run it inside a transaction: the table is
 * empty in between.
 */
export async function rebuildDailyCounts(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('appeal_daily_counts').execute()
  await forEachRebuildSpan(db, 'submitted_at', dayOf, (from, to) =>
    db
      .insertInto('appeal_daily_counts')
      .columns([...KEY_COLUMNS, ...COLUMNS])
      .expression(countsPerBucket(db, (q) => q.where('submitted_at', '>=', from).where('submitted_at', '<', to)))
      .execute(),
  )
}

/** The dimensions the kept counts can be split by; the week counted from an origin at a day's start. */
export type DailyDimension = 'department' | 'category' | 'week'

/** Whether the kept counts can answer for [from, to) split this way: whole Beijing days, and weeks from a day's start. */
export function keptCountsAnswer(range: { from: number; to: number }, by: string[], weekOrigin: number): by is DailyDimension[] {
  const whole = (ms: number) => dayOf(ms) === ms
  return (
    whole(range.from) && whole(range.to) && whole(weekOrigin) && by.every((d) => d === 'department' || d === 'category' || d === 'week')
  )
}

/**
 * The kept counts of the appeals submitted in [from, to), summed by the dimensions asked for, the
 * paused time run on to `now` (in SQL: the kept sums run past 2^53 before `now` times the appeals
 * paused brings them back).
 */
export async function sumDailyCounts(
  db: Kysely<Database>,
  range: { from: number; to: number },
  now: number,
  by: DailyDimension[],
  weekOrigin: number,
  filter?: { departmentId?: string },
) {
  const keys: Record<DailyDimension, RawBuilder<unknown>> = {
    department: sql`department_id`,
    category: sql`category`,
    week: sql`cast((day - ${weekOrigin}) / ${7 * DAY} as integer)`,
  }
  const rows = await db
    .selectFrom('appeal_daily_counts')
    .where('day', '>=', range.from)
    .where('day', '<', range.to)
    .$call((q) => (filter?.departmentId ? q.where('department_id', '=', filter.departmentId) : q))
    .select([
      ...by.map((d) => keys[d].as(d)),
      ...METRIC_KEYS.map((key, i) => {
        const sum = (column: string) => sql<number>`coalesce(sum(${sql.ref(column)}), 0)`
        return (
          key === 'pausedMs' ? sql<number>`${sum(COUNT_COLUMNS[i])} + cast(${now} as bigint) * ${sum('paused_now')}` : sum(COUNT_COLUMNS[i])
        ).as(key)
      }),
    ])
    .$call((q) => (by.length ? q.groupBy(by.map((d) => sql.ref(d))) : q))
    .execute()
  return rows.map((row) => {
    const record = row as Record<string, unknown>
    return {
      department: by.includes('department') ? (record.department as string) || null : undefined,
      category: record.category as string | undefined,
      week: record.week === undefined ? undefined : Number(record.week),
      counts: Object.fromEntries(METRIC_KEYS.map((key) => [key, Number(record[key])])) as unknown as MetricCounts,
    }
  })
}
