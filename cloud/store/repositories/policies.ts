import { sql, type Kysely, type Selectable, type Updateable } from 'kysely'
import type { Database } from '../database'
import type { PoliciesTable } from '../tables/policies'

export type PolicyRow = Selectable<PoliciesTable>

export interface PolicyFilter {
  category?: string
  keyword?: string
  limit: number
  offset: number
}

/** `%` and `_` in what a person types are literal characters, not wildcards. */
function likePattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Published policies, newest first, with the total that matches the filter. */
export async function listPublishedPolicies(db: Kysely<Database>, filter: PolicyFilter) {
  let query = db.selectFrom('policies').where('status', '=', 'published')
  if (filter.category) query = query.where('category', '=', filter.category)
  if (filter.keyword) {
    const pattern = likePattern(filter.keyword)
    // An explicit ESCAPE makes the backslash mean the same on SQLite and PostgreSQL.
    const like = (column: 'title' | 'summary' | 'body') => sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`
    query = query.where((eb) => eb.or([like('title'), like('summary'), like('body')]))
  }
  const [rows, count] = await Promise.all([
    query
      .select(['id', 'title', 'issuer', 'doc_no', 'category', 'summary', 'published_at', 'expires_at'])
      .orderBy('published_at', 'desc')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/** Published policies still in force on `today`: what may be suggested to an owner. */
export function listPoliciesInForce(db: Kysely<Database>, today: string) {
  return db
    .selectFrom('policies')
    .select(['id', 'title', 'issuer', 'doc_no', 'category', 'summary', 'tags', 'published_at', 'expires_at'])
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>=', today)]))
    .execute()
}

export function findPolicyById(db: Kysely<Database>, id: string): Promise<PolicyRow | undefined> {
  return db.selectFrom('policies').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Inserts or replaces a policy by id (the importer's and the seed's write). */
export async function upsertPolicy(db: Kysely<Database>, row: PolicyRow): Promise<void> {
  const changes: Updateable<PoliciesTable> = { ...row }
  delete changes.id
  delete changes.created_at
  await db
    .insertInto('policies')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute()
}
