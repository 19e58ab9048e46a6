import { PostgresAdapter, sql, type Kysely } from 'kysely'
import { isOpen, OPEN_STATES, pausedPastDeadline } from '../../domain/appeal/rules'
import { DAY } from '../../domain/time-units'
import type { Database } from '../database'
import type { AppealsTable } from '../tables/appeals'
import { HOUR_OF_DUE, hourOf } from './appeal-due-hours'
import { forEachRebuildSpan } from './appeal-spans'
import { FRESH, isFresh, pausedPastDeadlineSql } from './metric-conditions'

/**
 * appeal_inbox_counts (migration 0035): the appeals past their filing per handler, department,
 * state and hour of their deadline, so that an inbox's counts sum a few kept rows instead of
 * reading every appeal of the person, the department or the town (inbox.ts reads them). What it
 * leaves to the read: the fresh appeals (a filing writes nothing more) and those falling due
 * earlier in the current hour, each from an index of its own.
 *
 * Only an open appeal is kept with the hour of its deadline: the filters test the deadline of open
 * appeals alone (late, or running), and a finished appeal's old deadline would only add rows.
 * Like appeal_due_hours, a move writes additions, never an update, and the sweep folds them.
 */

type InboxAppeal = Pick<AppealsTable, 'handler_id' | 'department_id' | 'state' | 'due_at' | 'close_due_at' | 'paused_at'>
type Key = Omit<Database['appeal_inbox_counts'], 'appeals'>
const KEY = ['handler_id', 'department_id', 'state', 'hour', 'paused_late'] as const

/** The key's `paused_late`: 1 for an appeal late for good, whatever the clock says (inbox.ts's 'late'). */
export const PAUSED_LATE = sql<number>`case when ${pausedPastDeadlineSql()} then 1 else 0 end`

/** The row an appeal is kept under: none while fresh. */
function keyOf(appeal: InboxAppeal): Key | null {
  if (isFresh(appeal)) return null
  return {
    handler_id: appeal.handler_id,
    department_id: appeal.department_id,
    state: appeal.state,
    hour: isOpen(appeal.state) && appeal.due_at !== null ? hourOf(appeal.due_at) : null,
    paused_late: pausedPastDeadline({ state: appeal.state, closeDueAt: appeal.close_due_at, pausedAt: appeal.paused_at }) ? 1 : 0,
  }
}

const sameKey = (a: Key | null, b: Key | null) => a === b || (a !== null && b !== null && KEY.every((column) => a[column] === b[column]))

/**
 * An appeal written (`before` null) or changed: −1 to the row it was kept under, +1 to the one it
 * is kept under now. `before` is the row as the version-checked update found it, so the −1 is exact.
 */
export async function moveInboxCount(db: Kysely<Database>, before: InboxAppeal | null, after: InboxAppeal): Promise<void> {
  const from = before ? keyOf(before) : null
  const to = keyOf(after)
  if (sameKey(from, to)) return
  await db
    .insertInto('appeal_inbox_counts')
    .values([...(from ? [{ ...from, appeals: -1 }] : []), ...(to ? [{ ...to, appeals: 1 }] : [])])
    .execute()
}

/** The hour the sweep gathers the hours long past under: before any instant a read is made at. */
export const LONG_PAST = Number.MIN_SAFE_INTEGER

/**
 * The sweep's housekeeping: folds the additions into one row a key, drops the keys that sum to
 * nothing, and gathers the hours more than a day before `now` under LONG_PAST. A read counts
 * every hour before its own as late, so the gathering changes no answer for a read at any moment
 * after `now` minus a day (an inbox reads at the server's clock, which the sweep also reads);
 * without it a year of overdue appeals would keep a row an hour for each officer.
 *
 * A state's rows are rewritten whole, a statement a state, and only a state with something to
 * fold: a key written more than once, or an hour now long past. Handler,
 * department and hour may each be null, which would make picking out only the scattered keys a
 * statement for each database, and a state's rows are few once folded. A quiet table is read once
 * and left alone. The first fold after a rebuild meets a row an hour of each open state; every kept
 * table's rebuild and this fold took 9–14 s together at a million appeals on PostgreSQL, 145 s at
 * ten million.
 */
export async function foldInboxCounts(db: Kysely<Database>, now: number): Promise<void> {
  const past = hourOf(now) - DAY
  const hour = sql<number | null>`case when hour < ${past} then ${LONG_PAST} else hour end`
  const sums = (from: Kysely<Database>, table: 'appeal_inbox_counts' | 'taken', state: string) =>
    from
      .selectFrom(
        from
          .selectFrom(table as 'appeal_inbox_counts')
          .where('state', '=', state)
          .select(['handler_id', 'department_id', 'state', hour.as('hour'), 'paused_late', 'appeals'])
          .as('rows'),
      )
      .select([...KEY, sql<number>`sum(appeals)`.as('appeals')])
      .groupBy([...KEY])
      .having(sql<number>`sum(appeals)`, '<>', 0)
  // Grouped by the key as written (GROUP BY puts nulls together): more than one row (a key summing
  // to nothing has its +1 and its −1 at least), or an hour to gather under LONG_PAST.
  const readScattered = (from: Kysely<Database>) =>
    from
      .selectFrom('appeal_inbox_counts')
      .select('state')
      .groupBy([...KEY])
      .having((eb) => eb.or([eb(eb.fn.countAll(), '>', 1), eb.and([eb('hour', '<', past), eb('hour', '<>', LONG_PAST)])]))
      .execute()
  // After a rebuild this reads a row an hour of every open key (millions at ten million appeals,
  // past the statement timeout on one process): the one read here given the parallel workers the
  // store's sessions start without (connect.ts).
  const withWorkers = async (trx: Kysely<Database>) => {
    await sql`select set_config('max_parallel_workers_per_gather', '2', true)`.execute(trx)
    return readScattered(trx)
  }
  const scattered =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? await (db.isTransaction ? withWorkers(db) : db.transaction().execute(withWorkers))
      : await readScattered(db)
  const states = [...new Set(scattered.map((r) => r.state))]
  for (const state of states) {
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      // One statement: the rows it deletes are the rows it sums; one committed meanwhile is neither.
      await db
        .with('taken', (qb) => qb.deleteFrom('appeal_inbox_counts').where('state', '=', state).returningAll())
        .insertInto('appeal_inbox_counts')
        .columns([...KEY, 'appeals'])
        .expression(sums(db, 'taken', state))
        .execute()
      continue
    }
    // SQLite writes one transaction at a time, so the sums it reads are the rows it deletes.
    const fold = async (trx: Kysely<Database>) => {
      const rows = await sums(trx, 'appeal_inbox_counts', state).execute()
      await trx.deleteFrom('appeal_inbox_counts').where('state', '=', state).execute()
      for (let i = 0; i < rows.length; i += 2_000)
        await trx
          .insertInto('appeal_inbox_counts')
          .values(rows.slice(i, i + 2_000))
          .execute()
    }
    await (db.isTransaction ? fold(db) : db.transaction().execute(fold))
  }
}

/** keyOf's hour, in SQL. */
const HOUR_OF_OPEN_DUE = sql<
  number | null
>`case when state in (${sql.join(OPEN_STATES.map((state) => sql.lit(state)))}) then ${HOUR_OF_DUE} end`

/** Rewrites the table from the appeals (after it is made), thirty days of filings a statement. Run it inside a transaction: the table is empty in between. */
export async function rebuildInboxCounts(db: Kysely<Database>): Promise<void> {
  // A move written meanwhile waits for the rebuild's commit to add its −1 and +1, as for the due hours.
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`lock table ${sql.table('appeal_inbox_counts')} in exclusive mode`.execute(db)
  await db.deleteFrom('appeal_inbox_counts').execute()
  await forEachRebuildSpan(
    db,
    'submitted_at',
    (ms) => ms,
    (from, to) =>
      db
        .insertInto('appeal_inbox_counts')
        .columns([...KEY, 'appeals'])
        .expression(
          db
            .selectFrom('appeals')
            .where('submitted_at', '>=', from)
            .where('submitted_at', '<', to)
            .where(sql<boolean>`not (${FRESH})`)
            .select(['handler_id', 'department_id', 'state', HOUR_OF_OPEN_DUE.as('hour'), PAUSED_LATE.as('paused_late')])
            .select((eb) => eb.fn.countAll<number>().as('appeals'))
            .groupBy(['handler_id', 'department_id', 'state', HOUR_OF_OPEN_DUE, PAUSED_LATE]),
        )
        .execute(),
  )
}
