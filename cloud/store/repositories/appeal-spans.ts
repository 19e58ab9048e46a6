import type { Kysely } from 'kysely'
import { DAY } from '../../domain/time-units'
import type { Database } from '../database'

/** Time a statement of a rebuild covers: a month of a province's appeals stays well inside the statement timeout. */
const REBUILD_SPAN = 30 * DAY

/**
 * Walks the appeals' range of `column` thirty days at a time, from the first value aligned by
 * `align` (to a day, an hour), so that no bucket is split between two statements; `write` rebuilds
 * [from, to). Nothing is called when no appeal has a value there.
 */
export async function forEachRebuildSpan(
  db: Kysely<Database>,
  column: 'submitted_at' | 'due_at',
  align: (ms: number) => number,
  write: (from: number, to: number) => Promise<unknown>,
): Promise<void> {
  const range = await db
    .selectFrom('appeals')
    .select((eb) => [eb.fn.min(column).as('first'), eb.fn.max(column).as('last')])
    .executeTakeFirstOrThrow()
  if (range.first === null || range.last === null) return
  for (let from = align(Number(range.first)); from <= Number(range.last); from += REBUILD_SPAN) await write(from, from + REBUILD_SPAN)
}
