import { sql, type Kysely } from 'kysely'
import { HOUR } from '../../domain/time-units'
import type { Database } from '../database'
import type { AppealsTable } from '../tables/appeals'
import { FRESH, isFresh } from './metric-conditions'

/**
 * appeal_due_hours (migration 0031): the open appeals per hour of their deadline, so that the
 * town's overdue total sums the hours already past instead of reading every appeal past its
 * deadline. What it leaves to the read: the fresh appeals (so that a filing writes nothing more)
 * and those due earlier in the current hour, both few, each from an index of its own.
 */

/** The start of the hour an instant falls in (every instant stored is after 1970). */
export const hourOf = (ms: number) => ms - (ms % HOUR)

type DueAppeal = Pick<AppealsTable, 'state' | 'due_at'>

/** The hour an appeal is kept under: none without a running deadline, or while fresh. */
const keptHourOf = (appeal: DueAppeal) => (appeal.due_at === null || isFresh(appeal) ? null : hourOf(appeal.due_at))

/**
 * An appeal written (`before` null) or changed: moves it from the hour it was kept under to the
 * one it is kept under now, in one statement of additions, which commute with any other
 * transaction's. `before` is the row as the version-checked update found it, so the subtraction is
 * exact.
 */
export async function moveDueHour(db: Kysely<Database>, before: DueAppeal | null, after: DueAppeal): Promise<void> {
  const from = before ? keptHourOf(before) : null
  const to = keptHourOf(after)
  if (from === to) return
  // One order of hours for every writer, so two moves the opposite way round cannot deadlock.
  const rows = [...(from === null ? [] : [{ hour: from, appeals: -1 }]), ...(to === null ? [] : [{ hour: to, appeals: 1 }])].sort(
    (a, b) => a.hour - b.hour,
  )
  await db
    .insertInto('appeal_due_hours')
    .values(rows)
    .onConflict((oc) =>
      oc.column('hour').doUpdateSet({ appeals: sql`${sql.ref('appeal_due_hours.appeals')} + ${sql.ref('excluded.appeals')}` }),
    )
    .execute()
}

/** How many appeals are past their deadline at `now`: the kept hours before this one, and the rest read live. */
export async function countOverdue(db: Kysely<Database>, now: number): Promise<number> {
  const current = hourOf(now)
  const counts = await Promise.all([
    db
      .selectFrom('appeal_due_hours')
      .where('hour', '<', current)
      .select(sql<number>`coalesce(sum(appeals), 0)`.as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('appeals')
      .where('due_at', '>=', current)
      .where('due_at', '<', now)
      .where(sql<boolean>`not (${FRESH})`)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('appeals')
      .where(FRESH)
      .where('due_at', '<', now)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return counts.reduce((sum, row) => sum + Number(row.n), 0)
}

/** Drops the hours no appeal is kept under any more (the sweep's housekeeping): a write finds its hour again or adds it. */
export async function dropEmptyDueHours(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('appeal_due_hours').where('appeals', '=', 0).execute()
}

/** Rewrites the table from the appeals (after it is made). Run it inside a transaction: the table is empty in between. */
export async function rebuildDueHours(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('appeal_due_hours').execute()
  const hour = sql<number>`due_at - (due_at % ${sql.lit(HOUR)})`
  await db
    .insertInto('appeal_due_hours')
    .columns(['hour', 'appeals'])
    .expression(
      db
        .selectFrom('appeals')
        .where('due_at', 'is not', null)
        .where(sql<boolean>`not (${FRESH})`)
        .select([hour.as('hour'), (eb) => eb.fn.countAll<number>().as('appeals')])
        .groupBy(hour),
    )
    .execute()
}
