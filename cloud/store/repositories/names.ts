import type { Kysely } from 'kysely'
import type { Database } from '../database'

/** The names of some departments, people or enterprises, for labelling rows that carry only their ids; in no particular order. */
export function findNames(
  db: Kysely<Database>,
  table: 'departments' | 'users' | 'enterprises',
  ids: string[],
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return Promise.resolve([])
  return db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute()
}
