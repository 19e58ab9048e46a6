import type { Kysely } from 'kysely'
import type { Database } from '../database'

/** One cheap read (a department id): throws when the store does not answer. */
export async function pingStore(db: Kysely<Database>): Promise<void> {
  await db.selectFrom('departments').select('id').limit(1).execute()
}
