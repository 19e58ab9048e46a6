import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../database'
import type { OwnerRequestsTable } from '../tables/onboarding'

export type OwnerRequestRow = Selectable<OwnerRequestsTable>

export async function insertOwnerRequest(db: Kysely<Database>, row: OwnerRequestRow): Promise<void> {
  await db.insertInto('owner_requests').values(row).execute()
}

export function findOwnerRequest(db: Kysely<Database>, id: string): Promise<OwnerRequestRow | undefined> {
  return db.selectFrom('owner_requests').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The person's request still waiting, if any. */
export function findPendingRequestOf(db: Kysely<Database>, userId: string): Promise<OwnerRequestRow | undefined> {
  return db.selectFrom('owner_requests').selectAll().where('user_id', '=', userId).where('state', '=', 'pending').executeTakeFirst()
}

/** The requests of an enterprise still waiting, oldest first, with who asked. */
export function listPendingRequests(db: Kysely<Database>, enterpriseId: string) {
  return db
    .selectFrom('owner_requests')
    .innerJoin('users', 'users.id', 'owner_requests.user_id')
    .select(['owner_requests.id', 'owner_requests.user_id', 'owner_requests.created_at', 'users.name', 'users.phone'])
    .where('owner_requests.enterprise_id', '=', enterpriseId)
    .where('owner_requests.state', '=', 'pending')
    .orderBy('owner_requests.created_at')
    .execute()
}

/** How many requests wait, per enterprise. */
export async function countPendingRequests(db: Kysely<Database>, enterpriseIds: string[]): Promise<Map<string, number>> {
  if (enterpriseIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('owner_requests')
    .select(['enterprise_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('enterprise_id', 'in', enterpriseIds)
    .where('state', '=', 'pending')
    .groupBy('enterprise_id')
    .execute()
  return new Map(rows.map((r) => [r.enterprise_id, Number(r.n)]))
}

/** Decides a request still waiting; answers false when someone decided it first. */
export async function decideOwnerRequest(
  db: Kysely<Database>,
  id: string,
  state: 'approved' | 'declined' | 'withdrawn',
  by: string | null,
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable('owner_requests')
    .set({ state, decided_by: by, decided_at: at })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Withdraws whatever the person still has waiting (they left, or were bound another way). */
export async function withdrawRequestsOf(db: Kysely<Database>, userId: string, at: number): Promise<void> {
  await db
    .updateTable('owner_requests')
    .set({ state: 'withdrawn', decided_at: at })
    .where('user_id', '=', userId)
    .where('state', '=', 'pending')
    .execute()
}
