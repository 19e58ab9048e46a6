import type { Kysely } from 'kysely'
import type { Database } from '../database'

/** One cheap read (a department id): throws when the store does not answer. */
export async function pingStore(db: Kysely<Database>): Promise<void> {
  await db.selectFrom('departments').select('id').limit(1).execute()
}

/** One tiny write (the heartbeat row): throws when the store can no longer write, as on a full disk. */
export async function writeHeartbeat(db: Kysely<Database>, now: number): Promise<void> {
  await db
    .insertInto('health_checks')
    .values({ id: 'heartbeat', at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ at: now }))
    .execute()
}
