import type { Kysely, Selectable, Updateable } from 'kysely'
import type { Database } from '../database'
import type { EnterprisesTable } from '../tables/enterprises'

export type EnterpriseRow = Selectable<EnterprisesTable>

export function findEnterpriseById(db: Kysely<Database>, id: string): Promise<EnterpriseRow | undefined> {
  return db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findEnterpriseByCreditCode(db: Kysely<Database>, code: string): Promise<EnterpriseRow | undefined> {
  return db.selectFrom('enterprises').selectAll().where('credit_code', '=', code).executeTakeFirst()
}

/** The enterprise whose own code (企业走访码) this is. */
export function findEnterpriseByCheckinCode(db: Kysely<Database>, code: string): Promise<EnterpriseRow | undefined> {
  return db.selectFrom('enterprises').selectAll().where('checkin_code', '=', code).executeTakeFirst()
}

/** The enterprise's leader (包抓领导), or null when it has none or does not exist. */
export async function findLeaderIdOf(db: Kysely<Database>, enterpriseId: string): Promise<string | null> {
  const enterprise = await db.selectFrom('enterprises').select('leader_id').where('id', '=', enterpriseId).executeTakeFirst()
  return enterprise?.leader_id ?? null
}

export async function insertEnterprise(db: Kysely<Database>, row: EnterpriseRow): Promise<void> {
  await db.insertInto('enterprises').values(row).execute()
}

export async function updateEnterprise(db: Kysely<Database>, id: string, changes: Updateable<EnterprisesTable>): Promise<void> {
  await db.updateTable('enterprises').set(changes).where('id', '=', id).execute()
}
