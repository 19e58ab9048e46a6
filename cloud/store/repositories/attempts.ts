import { sql, type Kysely } from 'kysely'
import type { AttemptScope } from '../../domain/onboarding/codes'
import type { Database } from '../database'

/**
 * Counts one try and answers which try of the window it is: an insert that, when the row exists,
 * adds one and returns the new count, in one statement. Two instances of the cloud function, or
 * thirty concurrent tries, each get a different number, so a limit checked on the number holds.
 * Run outside any transaction a refusal rolls back: a wrong try must stay counted.
 */
export async function countAttempt(db: Kysely<Database>, scope: AttemptScope, subject: string, windowStart: number): Promise<number> {
  const row = await db
    .insertInto('attempt_counters')
    .values({ scope, subject, window_start: windowStart, count: 1 })
    .onConflict((oc) => oc.columns(['scope', 'subject', 'window_start']).doUpdateSet({ count: sql<number>`attempt_counters.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/** Forgets the windows of a scope and subject that ended before `before` (they count for nothing now). */
export async function forgetOldAttempts(db: Kysely<Database>, scope: AttemptScope, subject: string, before: number): Promise<void> {
  await db
    .deleteFrom('attempt_counters')
    .where('scope', '=', scope)
    .where('subject', '=', subject)
    .where('window_start', '<', before)
    .execute()
}
