import type { Kysely } from 'kysely'
import type { Database } from '../database'

export async function findTownSetting(db: Kysely<Database>, key: string): Promise<string | undefined> {
  return (await db.selectFrom('town_settings').select('value').where('key', '=', key).executeTakeFirst())?.value
}

export async function saveTownSetting(db: Kysely<Database>, key: string, value: string, by: string, at: number): Promise<void> {
  await db
    .insertInto('town_settings')
    .values({ key, value, updated_by: by, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: by, updated_at: at }))
    .execute()
}
