import { sql, type Kysely, type Selectable, type Updateable } from 'kysely'
import type { Database } from '../database'
import type { PoliciesTable } from '../tables/policies'

export type PolicyRow = Selectable<PoliciesTable>

export interface PolicyFilter {
  category?: string
  keyword?: string
  /** 'latest': newest first. 'expiring': in force and ending within `expiringBy`, soonest first. */
  sort: 'latest' | 'expiring'
  today: string
  expiringBy: string
  limit: number
  offset: number
}

/** `%` and `_` in what a person types are literal characters, not wildcards. */
function likePattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

// An explicit ESCAPE makes the backslash mean the same on SQLite and PostgreSQL.
const like = (column: 'title' | 'summary' | 'tags' | 'body', term: string) => sql<boolean>`${sql.ref(column)} like ${likePattern(term)} escape '\\'`

/** How well a policy answers the search words: a title match outranks a summary or tag match, which outranks the body. */
const RANK = { title: 8, summary: 3, tags: 3, body: 1 } as const

function searchTerms(keyword: string | undefined): string[] {
  return [...new Set((keyword ?? '').split(/\s+/).filter(Boolean))].slice(0, 5)
}

/**
 * Published policies with the total that matches. With search words, every word must appear
 * somewhere, and the best-ranked come first; without, newest first (or soonest to end).
 */
export async function listPublishedPolicies(db: Kysely<Database>, filter: PolicyFilter) {
  const terms = searchTerms(filter.keyword)
  let query = db.selectFrom('policies').where('status', '=', 'published')
  if (filter.category) query = query.where('category', '=', filter.category)
  for (const term of terms) query = query.where((eb) => eb.or((Object.keys(RANK) as (keyof typeof RANK)[]).map((column) => like(column, term))))
  if (filter.sort === 'expiring') query = query.where('expires_at', '>=', filter.today).where('expires_at', '<=', filter.expiringBy)

  const rank = terms.length
    ? sql<number>`${sql.join(
        terms.flatMap((term) => (Object.keys(RANK) as (keyof typeof RANK)[]).map((column) => sql`case when ${like(column, term)} then ${sql.lit(RANK[column])} else 0 end`)),
        sql` + `,
      )}`
    : sql<number>`0`
  let rows = query.select(['id', 'title', 'issuer', 'doc_no', 'category', 'summary', 'published_at', 'expires_at']).select(rank.as('rank'))
  rows = terms.length ? rows.orderBy('rank', 'desc') : rows
  rows = filter.sort === 'expiring' ? rows.orderBy('expires_at', 'asc') : rows.orderBy('published_at', 'desc')
  const [items, count] = await Promise.all([
    rows.orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows: items, total: Number(count.n) }
}

/** Published policies still in force on `today`, with whom they are for: what may be suggested or recommended. */
export function listPoliciesInForce(db: Kysely<Database>, today: string) {
  return db
    .selectFrom('policies')
    .select(['id', 'title', 'issuer', 'doc_no', 'category', 'summary', 'tags', 'industries', 'kinds', 'enterprise_tags', 'published_at', 'expires_at'])
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
