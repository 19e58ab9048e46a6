import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../database'
import type { EnterprisesTable } from '../tables/enterprises'

export type EnterpriseRow = Selectable<EnterprisesTable>

export function findEnterpriseById(db: Kysely<Database>, id: string): Promise<EnterpriseRow | undefined> {
  return db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findEnterpriseByCreditCode(db: Kysely<Database>, code: string): Promise<EnterpriseRow | undefined> {
  return db.selectFrom('enterprises').selectAll().where('credit_code', '=', code).executeTakeFirst()
}

export async function insertEnterprise(db: Kysely<Database>, row: EnterpriseRow): Promise<void> {
  await db.insertInto('enterprises').values(row).execute()
}
