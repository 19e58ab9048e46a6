import type { Insertable, Kysely } from 'kysely'
import type { Database } from '../database'
import type { MessagesTable } from '../tables/messages'

/** Writes messages, each at most once per person and event (the dedupe key); answers how many are new. */
export async function insertMessagesOnce(db: Kysely<Database>, rows: Insertable<MessagesTable>[]): Promise<number> {
  let written = 0
  // In slices: a policy for every enterprise of a county is tens of thousands of rows.
  for (let i = 0; i < rows.length; i += 500) {
    const result = await db
      .insertInto('messages')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .executeTakeFirst()
    written += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return written
}

export function listMessages(db: Kysely<Database>, userId: string, limit: number, offset: number) {
  return db.selectFrom('messages').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute()
}

export async function countUnread(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow()
  return Number(row.n)
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
