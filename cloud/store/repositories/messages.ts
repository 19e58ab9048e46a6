import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely'
import type { Database } from '../database'
import type { MessagesTable } from '../tables/messages'
import type { OutboxTable } from '../tables/outbox'

export type MessageRow = Selectable<MessagesTable>

/**
 * Writes messages, skipping each one the person already has under its dedupe key (the same event
 * never tells the same person twice); answers the ids of those written now.
 */
function insertNewMessages(db: Kysely<Database>, rows: MessageRow[]): Promise<{ id: string }[]> {
  return db
    .insertInto('messages')
    .values(rows)
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning('id')
    .execute()
}

/** A push for a message about to be written, as queued: pending, due at once. */
export type NewPush = Pick<Selectable<OutboxTable>, 'id' | 'message_id' | 'user_id' | 'template' | 'fields' | 'page'>

/**
 * Writes messages as insertNewMessages does and queues the push of each one written now (a
 * message the person already had queues nothing), at `now`; answers how many were queued. On
 * PostgreSQL the two inserts are one statement: every change that tells someone sends it inside
 * its transaction, and a filing's holds the month's numbering lock meanwhile.
 */
export async function insertMessagesWithPushes(
  db: Kysely<Database>,
  messages: MessageRow[],
  pushes: NewPush[],
  now: number,
): Promise<number> {
  if (messages.length === 0) return 0
  const queued = {
    state: 'pending' as const,
    attempts: 0,
    next_attempt_at: now,
    claim_token: null,
    lease_until: null,
    last_error: null,
    created_at: now,
    sent_at: null,
  }
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    const written = new Set((await insertNewMessages(db, messages)).map((row) => row.id))
    const rows = pushes.filter((push) => written.has(push.message_id)).map((push) => ({ ...push, ...queued }))
    if (rows.length) await db.insertInto('outbox').values(rows).execute()
    return rows.length
  }
  // Every value of the VALUES list is text, as PostgreSQL reads an untyped bound value there.
  const list = sql.join(pushes.map((p) => sql`(${p.id}, ${p.message_id}, ${p.user_id}, ${p.template}, ${p.fields}, ${p.page})`))
  const result = await db
    .with('written', (qb) =>
      qb
        .insertInto('messages')
        .values(messages)
        .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
        .returning('id'),
    )
    .insertInto('outbox')
    .columns(['id', 'message_id', 'user_id', 'template', 'fields', 'page', 'state', 'attempts', 'next_attempt_at', 'created_at'])
    .expression(
      sql`select p.*, 'pending', 0, cast(${now} as bigint), cast(${now} as bigint)
        from (values ${list}) as p (id, message_id, user_id, template, fields, page)
        where p.message_id in (select id from written)`,
    )
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows)
}

export function listMessages(db: Kysely<Database>, userId: string, limit: number, offset: number) {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute()
}

/** How many messages a person has, and how many of them are unread, in one pass. */
export async function countMessages(db: Kysely<Database>, userId: string): Promise<{ total: number; unread: number }> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('id').filterWhere('read_at', 'is', null).as('unread')])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return { total: Number(row.total), unread: Number(row.unread) }
}

export async function countUnread(db: Kysely<Database>, userId: string): Promise<number> {
  return (await countMessages(db, userId)).unread
}

/** Marks the person's own messages read: ids of someone else's change nothing. */
export async function markRead(db: Kysely<Database>, userId: string, ids: string[] | 'all', at: number): Promise<void> {
  let query = db.updateTable('messages').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null)
  if (ids !== 'all') {
    if (ids.length === 0) return
    query = query.where('id', 'in', ids)
  }
  await query.execute()
}
