import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../database'
import type { RequestReceiptsTable } from '../tables/hardening'

export type ReceiptRow = Selectable<RequestReceiptsTable>

export function findReceipt(db: Kysely<Database>, userId: string, clientRequestId: string): Promise<ReceiptRow | undefined> {
  return db
    .selectFrom('request_receipts')
    .selectAll()
    .where('user_id', '=', userId)
    .where('client_request_id', '=', clientRequestId)
    .executeTakeFirst()
}

/** Throws a unique violation when the person already used the request id (the primary key). */
export async function insertReceipt(db: Kysely<Database>, row: ReceiptRow): Promise<void> {
  await db.insertInto('request_receipts').values(row).execute()
}
