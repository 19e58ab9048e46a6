import { PostgresAdapter, sql, type Kysely } from 'kysely'
import { HOUR } from '../../domain/time-units'
import type { Database } from '../database'
import type { AppealsTable } from '../tables/appeals'
import { forEachRebuildSpan } from './appeal-spans'
import { FRESH, isFresh } from './metric-conditions'

/**
 * appeal_due_hours (migration 0031): the open appeals per hour of their deadline, so that the
 * town's overdue total sums the hours already past instead of reading every appeal past its
 * deadline. What it leaves to the read: the fresh appeals (so that a filing writes nothing more)
 * and those due earlier in the current hour, both few, each from an index of its own.
 *
 * A move writes additions, never an update: deadlines bunch (appeals filed within an hour fall due
 * within an hour), and a row per hour updated in place queued every move to that hour behind the
 * others, and deadlocked a transaction moving several appeals against one moving another of the
 * same kept month row (PostgreSQL). The sweep folds the additions.
 */

/** The start of the hour an instant falls in. */
export const hourOf = (ms: number) => ms - (((ms % HOUR) + HOUR) % HOUR)
/** hourOf(due_at), in SQL. */
export const HOUR_OF_DUE = sql<number>`due_at - (((due_at % ${sql.lit(HOUR)}) + ${sql.lit(HOUR)}) % ${sql.lit(HOUR)})`

type DueAppeal = Pick<AppealsTable, 'state' | 'due_at'>

/** The hour an appeal is kept under: none without a running deadline, or while fresh. */
const keptHourOf = (appeal: DueAppeal) => (appeal.due_at === null || isFresh(appeal) ? null : hourOf(appeal.due_at))

/**
 * An appeal written (`before` null) or changed: −1 to the hour it was kept under, +1 to the one it
 * is kept under now. `before` is the row as the version-checked update found it, so the −1 is
 * exact.
 */
export async function moveDueHour(db: Kysely<Database>, before: DueAppeal | null, after: DueAppeal): Promise<void> {
  const from = before ? keptHourOf(before) : null
  const to = keptHourOf(after)
  if (from === to) return
  await db
    .insertInto('appeal_due_hours')
    .values([...(from === null ? [] : [{ hour: from, appeals: -1 }]), ...(to === null ? [] : [{ hour: to, appeals: 1 }])])
    .execute()
}

/**
 * How many appeals are past their deadline at `now`: the kept hours before this one, and the rest
 * read live, in one statement (one snapshot: an accept committed between two reads would count twice).
 */
export async function countOverdue(db: Kysely<Database>, now: number): Promise<number> {
  const current = hourOf(now)
  const kept = db
    .selectFrom('appeal_due_hours')
    .where('hour', '<', current)
    .select(sql<number>`coalesce(sum(appeals), 0)`.as('n'))
  const earlierThisHour = db
    .selectFrom('appeals')
    .where('due_at', '>=', current)
    .where('due_at', '<', now)
    .where(sql<boolean>`not (${FRESH})`)
    .select((eb) => eb.fn.countAll<number>().as('n'))
  const fresh = db
    .selectFrom('appeals')
    .where(FRESH)
    .where('due_at', '<', now)
    .select((eb) => eb.fn.countAll<number>().as('n'))
  const { rows } = await sql<{ n: number }>`select (${kept}) + (${earlierThisHour}) + (${fresh}) as n`.execute(db)
  return Number(rows[0].n)
}

/**
 * Folds the additions into one row an hour and drops the hours that sum to nothing (the sweep's
 * housekeeping: the read sums every kept hour before now). Only the hours with several rows or
 * none left are rewritten; additions made meanwhile are kept.
 */
export async function foldDueHours(db: Kysely<Database>): Promise<void> {
  const scattered = (q: Kysely<Database>) =>
    q
      .selectFrom('appeal_due_hours')
      .select('hour')
      .groupBy('hour')
      .having(sql<boolean>`count(*) > 1 or sum(appeals) = 0`)
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // One statement: the rows it deletes are the rows it sums; one committed meanwhile is neither.
    await db
      .with('taken', (qb) => qb.deleteFrom('appeal_due_hours').where('hour', 'in', scattered(db)).returning(['hour', 'appeals']))
      .insertInto('appeal_due_hours')
      .columns(['hour', 'appeals'])
      .expression((eb) =>
        eb
          .selectFrom('taken')
          .select(['taken.hour', sql<number>`sum(taken.appeals)`.as('appeals')])
          .groupBy('taken.hour')
          .having(sql<number>`sum(taken.appeals)`, '<>', 0),
      )
      .execute()
    return
  }
  // SQLite writes one transaction at a time, so the sums it reads are the rows it deletes.
  const fold = async (trx: Kysely<Database>) => {
    const sums = await trx
      .selectFrom('appeal_due_hours')
      .where('hour', 'in', scattered(trx))
      .select(['hour', sql<number>`sum(appeals)`.as('appeals')])
      .groupBy('hour')
      .having(sql<number>`sum(appeals)`, '<>', 0)
      .execute()
    await trx.deleteFrom('appeal_due_hours').where('hour', 'in', scattered(trx)).execute()
    for (let i = 0; i < sums.length; i += 10_000)
      await trx
        .insertInto('appeal_due_hours')
        .values(sums.slice(i, i + 10_000))
        .execute()
  }
  await (db.isTransaction ? fold(db) : db.transaction().execute(fold))
}

/** Rewrites the table from the appeals (after it is made), thirty days of deadlines a statement. Run it inside a transaction: the table is empty in between. */
export async function rebuildDueHours(db: Kysely<Database>): Promise<void> {
  // Spans are read at different moments: a move written meanwhile waits for the rebuild's commit
  // to add its −1 and +1 (it then moves the appeal as the rebuild counted it), and a fold waits too.
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`lock table ${sql.table('appeal_due_hours')} in exclusive mode`.execute(db)
  await db.deleteFrom('appeal_due_hours').execute()
  await forEachRebuildSpan(db, 'due_at', hourOf, (from, to) =>
    db
      .insertInto('appeal_due_hours')
      .columns(['hour', 'appeals'])
      .expression(
        db
          .selectFrom('appeals')
          .where('due_at', '>=', from)
          .where('due_at', '<', to)
          .where(sql<boolean>`not (${FRESH})`)
          .select([HOUR_OF_DUE.as('hour'), (eb) => eb.fn.countAll<number>().as('appeals')])
          .groupBy(HOUR_OF_DUE),
      )
      .execute(),
  )
}
