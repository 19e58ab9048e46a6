import { PostgresAdapter, sql, type Kysely } from 'kysely'
import type { Database } from '../database'

/** What a dispatcher writes when it is done with a claimed row. */
export type PushSettlement = Partial<{
  state: 'pending' | 'sent' | 'skipped' | 'failed'
  next_attempt_at: number
  last_error: string | null
  sent_at: number
}>

/** Rows still 'sending' whose lease ran out before `now` become 'uncertain' with `error`; answers how many. */
export async function markLapsedSendsUncertain(db: Kysely<Database>, now: number, error: string): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ state: 'uncertain', last_error: error, claim_token: null })
    .where('state', '=', 'sending')
    .where('lease_until', '<', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/**
 * Claims up to `batch` pending rows due by `now`, the longest waiting first, with `token` (a row
 * another dispatcher claimed meanwhile is no longer pending and is not taken; one it is claiming
 * at this moment is passed over for the next): each becomes 'sending' until `leaseUntil`, with one
 * more attempt. Answers the claimed rows with the person's openid, the longest waiting first.
 */
export async function claimDuePushes(db: Kysely<Database>, token: string, now: number, leaseUntil: number, batch: number) {
  const due = db
    .selectFrom('outbox')
    .select('id')
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(batch)
  // Two claims at once read the same oldest rows; on PostgreSQL the second waited for the first's
  // commit, found every row taken and claimed none. It now passes over the rows being claimed
  // (SKIP LOCKED), the ids read once as an array: as a semi-join the locking subquery can run again
  // and claim past its limit. SQLite writes one at a time, so its claims never meet.
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db
    .updateTable('outbox')
    .set((eb) => ({ state: 'sending', claim_token: token, lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where(postgres ? sql<boolean>`id = any(array(${due.forUpdate().skipLocked()}))` : sql<boolean>`id in (${due})`)
    .where('state', '=', 'pending')
    .execute()
  return db
    .selectFrom('outbox')
    .innerJoin('users', 'users.id', 'outbox.user_id')
    .select(['outbox.id', 'outbox.user_id', 'outbox.template', 'outbox.fields', 'outbox.page', 'outbox.attempts', 'users.openid'])
    .where('outbox.claim_token', '=', token)
    .orderBy('outbox.next_attempt_at')
    .orderBy('outbox.created_at')
    .execute()
}

/** Writes what became of a claimed row and releases the claim; a row no longer held under `token` is left alone. */
export async function settlePush(db: Kysely<Database>, id: string, token: string, changes: PushSettlement): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ ...changes, claim_token: null, lease_until: null })
    .where('id', '=', id)
    .where('claim_token', '=', token)
    .execute()
}

/**
 * Records many claimed rows as sent, each at its own moment, in one statement; a row no longer
 * held under `token` is left alone.
 */
export async function settleSent(db: Kysely<Database>, token: string, sent: { id: string; at: number }[]): Promise<void> {
  if (sent.length === 0) return
  // The cast tells PostgreSQL the type of each bound moment.
  const at = sql<number>`case id ${sql.join(
    sent.map((s) => sql`when ${s.id} then cast(${s.at} as bigint)`),
    sql` `,
  )} end`
  await db
    .updateTable('outbox')
    .set({ state: 'sent', sent_at: at, last_error: null, claim_token: null, lease_until: null })
    .where(
      'id',
      'in',
      sent.map((s) => s.id),
    )
    .where('claim_token', '=', token)
    .execute()
}
