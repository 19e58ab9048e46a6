import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../database'
import type { MessagesTable } from '../tables/messages'

export type MessageRow = Selectable<MessagesTable>

/**
 * Writes messages, skipping each one the person already has under its dedupe key (the same event
 * never tells the same person twice); answers the ids of those written now.
 */
export function insertNewMessages(db: Kysely<Database>, rows: MessageRow[]): Promise<{ id: string }[]> {
  return db
    .insertInto('messages')
    .values(rows)
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning('id')
    .execute()
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
