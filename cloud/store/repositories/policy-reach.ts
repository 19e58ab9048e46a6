import { PostgresAdapter, sql, type ExpressionBuilder, type Kysely } from 'kysely'
import { coveredIndustries } from '../../domain/policy-match'
import type { Database } from '../database'

/** Whom a policy asks for, as stored (JSON arrays). */
export interface AudienceColumns {
  industries: string
  kinds: string
  enterprise_tags: string
}

/**
 * The enterprises a policy is for, as a SQL condition: the same rules as matchPolicy (domain),
 * so a policy reaches in the database exactly the enterprises it is recommended to. `inKeyOrder`
 * keeps SQLite from finding them by the audience index (the unary plus), for a read that walks
 * the enterprises by key and stops at its limit.
 */
export function audienceCondition(policy: AudienceColumns, inKeyOrder = false) {
  const industries = coveredIndustries(JSON.parse(policy.industries) as string[])
  const kinds = JSON.parse(policy.kinds) as string[]
  const tags = JSON.parse(policy.enterprise_tags) as string[]
  return (eb: ExpressionBuilder<Database, 'enterprises'>) =>
    eb.and([
      ...(industries.length ? [eb(inKeyOrder ? sql<string>`+enterprises.industry` : 'enterprises.industry', 'in', industries)] : []),
      ...(kinds.length ? [eb('enterprises.kind', 'in', kinds)] : []),
      // Tags are a JSON array of plain words: a quoted word is found exactly.
      ...(tags.length ? [eb.or(tags.map((tag) => eb('enterprises.tags', 'like', `%${JSON.stringify(tag)}%`)))] : []),
    ])
}

/** Counts a reading once per person per day; a second read that day changes nothing. */
export async function recordPolicyView(
  db: Kysely<Database>,
  view: { policy_id: string; user_id: string; day: string; enterprise_id: string | null; at: number },
): Promise<void> {
  await db
    .insertInto('policy_views')
    .values(view)
    .onConflict((oc) => oc.columns(['policy_id', 'user_id', 'day']).doNothing())
    .execute()
}

export async function setFavourite(db: Kysely<Database>, userId: string, policyId: string, on: boolean, at: number): Promise<void> {
  if (on) {
    await db
      .insertInto('policy_favourites')
      .values({ user_id: userId, policy_id: policyId, created_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'policy_id']).doNothing())
      .execute()
  } else {
    await db.deleteFrom('policy_favourites').where('user_id', '=', userId).where('policy_id', '=', policyId).execute()
  }
}

export async function isFavourite(db: Kysely<Database>, userId: string, policyId: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('policy_favourites')
      .select('policy_id')
      .where('user_id', '=', userId)
      .where('policy_id', '=', policyId)
      .executeTakeFirst()) !== undefined
  )
}

export function listFavouritePolicyIds(db: Kysely<Database>, userId: string) {
  return db.selectFrom('policy_favourites').select('policy_id').where('user_id', '=', userId).orderBy('created_at', 'desc').execute()
}

/** Reach of one policy: people who read it, saved it, and appeals that asked about it. */
export async function policyReachCounts(db: Kysely<Database>, policyId: string) {
  const [views, favourites, consultations] = await Promise.all([
    db
      .selectFrom('policy_views')
      .select(sql<number>`count(distinct user_id)`.as('n'))
      .where('policy_id', '=', policyId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('policy_favourites')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('policy_id', '=', policyId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('appeals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('policy_id', '=', policyId)
      .executeTakeFirstOrThrow(),
  ])
  return { readers: Number(views.n), favourites: Number(favourites.n), consultations: Number(consultations.n) }
}

/**
 * The enterprises a policy is for within a scope (an officer's own, a department's, all), how many
 * of them someone has read it for, and the first `limit` that nobody from has: for 送政策上门.
 */
export async function policyAudienceReach(
  db: Kysely<Database>,
  policy: AudienceColumns & { id: string },
  scope: { officerId?: string; departmentId?: string },
  limit: number,
) {
  const seen = (eb: ExpressionBuilder<Database, 'enterprises'>) =>
    eb.exists(
      eb
        .selectFrom('policy_views')
        .select('policy_views.policy_id')
        .where('policy_views.policy_id', '=', policy.id)
        .whereRef('policy_views.enterprise_id', '=', 'enterprises.id'),
    )
  const inScope = (inKeyOrder: boolean) => {
    let query = db.selectFrom('enterprises').where(audienceCondition(policy, inKeyOrder))
    if (scope.officerId) query = query.where('enterprises.officer_id', '=', scope.officerId)
    if (scope.departmentId) query = query.where('enterprises.department_id', '=', scope.departmentId)
    return query
  }
  const base = inScope(false)
  const walked = db.getExecutor().adapter instanceof PostgresAdapter ? base : inScope(true)
  const [matching, seenCount, unseen] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    // From the few readers of this policy to their enterprises, not from every enterprise to its readers.
    base
      .innerJoin('policy_views', 'policy_views.enterprise_id', 'enterprises.id')
      .where('policy_views.policy_id', '=', policy.id)
      .select(sql<number>`count(distinct enterprises.id)`.as('n'))
      .executeTakeFirstOrThrow(),
    // The first found in key order, then sorted by name for reading: no sort over a county's
    // enterprises. SQLite, left to itself, read a broad audience (77,000 of 100,000) by its index
    // and sorted it all by key to take 50; walked by key it stops at the 50th. PostgreSQL weighs
    // the two ways itself.
    walked
      .leftJoin('users as officer', 'officer.id', 'enterprises.officer_id')
      .select(['enterprises.id', 'enterprises.name', 'enterprises.park', 'officer.name as officer_name'])
      .where((eb) => eb.not(seen(eb)))
      .orderBy('enterprises.id')
      .limit(limit)
      .execute(),
  ])
  unseen.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  return { matching: Number(matching.n), seen: Number(seenCount.n), unseen }
}

/** Owners of the enterprises a policy is for: whom its publication is told to. */
export function findAudienceOwners(db: Kysely<Database>, policy: AudienceColumns) {
  return db
    .selectFrom('enterprises')
    .innerJoin('users', 'users.enterprise_id', 'enterprises.id')
    .select(['users.id as user_id'])
    .where('users.role', '=', 'owner')
    .where(audienceCondition(policy))
    .execute()
}
