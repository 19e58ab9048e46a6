import { PostgresAdapter, sql, type Kysely, type QueryCreator, type Selectable } from 'kysely'
import type { Database } from '../database'
import type { MessagesTable } from '../tables/messages'
import type { OutboxTable } from '../tables/outbox'

export type MessageRow = Selectable<MessagesTable>

/** A message to write and the push that carries it (its person's, queued pending and due at once). */
export interface MessageWithPush {
  message: MessageRow
  push: Pick<Selectable<OutboxTable>, 'id' | 'template' | 'fields' | 'page'>
}

/**
 * Writes messages, skipping each one the person already has under its dedupe key (the same event
 * never tells the same person twice), and queues the push of each one written now, at `now`;
 * answers how many were queued. On PostgreSQL the two inserts are one statement: every change
 * that tells someone does it inside its transaction, and a filing holds its month's numbering
 * lock meanwhile.
 */
export async function insertMessagesWithPushes(db: Kysely<Database>, rows: MessageWithPush[], now: number): Promise<number> {
  if (rows.length === 0) return 0
  const insertNew = (qb: QueryCreator<Database>) =>
    qb
      .insertInto('messages')
      .values(rows.map((row) => row.message))
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .returning('id')
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // The six are text, as PostgreSQL types an untyped parameter in VALUES; the rest as SQLite's below.
    const list = sql.join(
      rows.map(({ message, push }) => sql`(${push.id}, ${message.id}, ${message.user_id}, ${push.template}, ${push.fields}, ${push.page})`),
    )
    const result = await db
      .with('written', insertNew)
      .insertInto('outbox')
      .columns(['id', 'message_id', 'user_id', 'template', 'fields', 'page', 'state', 'attempts', 'next_attempt_at', 'created_at'])
      .expression(
        sql`select p.id, p.message_id, p.user_id, p.template, p.fields, p.page, 'pending', 0, cast(${now} as bigint), cast(${now} as bigint)
          from (values ${list}) as p (id, message_id, user_id, template, fields, page)
          where p.message_id in (select id from written)`,
      )
      .executeTakeFirst()
    return Number(result.numInsertedOrUpdatedRows)
  }
  const written = new Set((await insertNew(db).execute()).map((row) => row.id))
  const pushes = rows
    .filter(({ message }) => written.has(message.id))
    .map(({ message, push }) => ({
      ...push,
      message_id: message.id,
      user_id: message.user_id,
      state: 'pending' as const,
      attempts: 0,
      next_attempt_at: now,
      claim_token: null,
      lease_until: null,
      last_error: null,
      created_at: now,
      sent_at: null,
    }))
  if (pushes.length) await db.insertInto('outbox').values(pushes).execute()
  return pushes.length
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
