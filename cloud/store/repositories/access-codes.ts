import type { Insertable, Kysely, Selectable } from 'kysely'
import type { CodeKind } from '../../domain/onboarding/codes'
import type { Database } from '../database'
import type { AccessCodesTable } from '../tables/onboarding'

export type AccessCodeRow = Selectable<AccessCodesTable>

export async function insertAccessCode(db: Kysely<Database>, row: Insertable<AccessCodesTable>): Promise<void> {
  await db.insertInto('access_codes').values(row).execute()
}

/** The code with this hash, whatever its standing (used, revoked, expired or live). */
export function findAccessCodeByHash(db: Kysely<Database>, codeHash: string): Promise<AccessCodeRow | undefined> {
  return db.selectFrom('access_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst()
}

/**
 * Spends a code that is still live: one statement, so of two people using it at once exactly one
 * gets true (the other sees it used). Call inside the transaction that does what the code allows.
 */
export async function spendAccessCode(db: Kysely<Database>, id: string, userId: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('access_codes')
    .set({ used_at: now, used_by: userId })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Revokes the live codes of a kind for a staff record or an enterprise; answers how many. */
export async function revokeLiveCodes(
  db: Kysely<Database>,
  kind: CodeKind,
  target: { userId: string } | { enterpriseId: string },
  by: string | null,
  now: number,
): Promise<number> {
  let query = db
    .updateTable('access_codes')
    .set({ revoked_at: now, revoked_by: by })
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
  query = 'userId' in target ? query.where('user_id', '=', target.userId) : query.where('enterprise_id', '=', target.enterpriseId)
  return Number((await query.executeTakeFirst()).numUpdatedRows)
}

/** The live codes of a kind, for some staff records or enterprises: when each expires. */
export function listLiveCodes(
  db: Kysely<Database>,
  kind: CodeKind,
  column: 'user_id' | 'enterprise_id',
  ids: string[],
  now: number,
): Promise<{ target: string | null; expires_at: number; created_at: number }[]> {
  if (ids.length === 0) return Promise.resolve([])
  return db
    .selectFrom('access_codes')
    .select([`${column} as target`, 'expires_at', 'created_at'])
    .where('kind', '=', kind)
    .where(column, 'in', ids)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .execute()
}
