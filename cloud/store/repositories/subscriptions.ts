import { sql, type Kysely } from 'kysely'
import type { Database } from '../database'

/**
 * Adds one one-time grant of a template to the person's, keeping at most `max` unused (a tap
 * beyond that changes nothing but the time).
 */
export async function addGrant(db: Kysely<Database>, userId: string, template: string, max: number, at: number): Promise<void> {
  await db
    .insertInto('subscription_grants')
    .values({ user_id: userId, template, remaining: 1, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['user_id', 'template']).doUpdateSet((eb) => ({
        remaining: eb
          .case()
          .when('subscription_grants.remaining', '<', max)
          .then(eb('subscription_grants.remaining', '+', 1))
          .else(eb.ref('subscription_grants.remaining'))
          .end(),
        updated_at: at,
      })),
    )
    .execute()
}

/** How many unused grants the person holds, per template they ever allowed. */
export function listGrants(db: Kysely<Database>, userId: string) {
  return db.selectFrom('subscription_grants').select(['template', 'remaining']).where('user_id', '=', userId).execute()
}

/** Spends one of the person's grants of a template; answers false when they have none left. */
export async function takeGrant(db: Kysely<Database>, userId: string, template: string, at: number): Promise<boolean> {
  return Number((await changeGrant(db, userId, template, -1, at)).numUpdatedRows) > 0
}

/**
 * Spends grants for many pushes at once, in the order given: of one person's pushes of a
 * template, the first as many as they hold grants for. Answers the ids of the pushes granted.
 * Read, then spent in one statement that checks each count still holds; a count another
 * dispatcher changed meanwhile is spent push by push instead.
 */
export async function takeGrants(
  db: Kysely<Database>,
  pushes: { id: string; user_id: string; template: string }[],
  at: number,
): Promise<Set<string>> {
  const granted = new Set<string>()
  const byKey = new Map<string, typeof pushes>()
  for (const push of pushes) {
    const key = `${push.user_id}:${push.template}`
    const list = byKey.get(key)
    if (list) list.push(push)
    else byKey.set(key, [push])
  }
  const keys = [...byKey.keys()]
  for (let i = 0; i < keys.length; i += 250) {
    const chunk = keys.slice(i, i + 250)
    const users = [...new Set(chunk.map((key) => byKey.get(key)![0].user_id))]
    const held = new Map(
      (
        await db
          .selectFrom('subscription_grants')
          .select(['user_id', 'template', 'remaining'])
          .where('user_id', 'in', users)
          .where('remaining', '>', 0)
          .execute()
      ).map((row) => [`${row.user_id}:${row.template}`, Number(row.remaining)]),
    )
    const take = new Map(chunk.flatMap((key) => (held.has(key) ? [[key, Math.min(held.get(key)!, byKey.get(key)!.length)] as const] : [])))
    if (take.size) {
      // The casts give PostgreSQL the types of the bound counts.
      const count = sql<number>`case user_id || ':' || template ${sql.join(
        [...take].map(([key, n]) => sql`when ${key} then cast(${n} as integer)`),
        sql` `,
      )} end`
      const spent = await db
        .updateTable('subscription_grants')
        .set((eb) => ({ remaining: eb('remaining', '-', count), updated_at: at }))
        .where('user_id', 'in', users)
        .where('remaining', '>=', count)
        .returning(['user_id', 'template'])
        .execute()
      for (const row of spent) {
        const key = `${row.user_id}:${row.template}`
        for (const push of byKey.get(key)!.slice(0, take.get(key))) granted.add(push.id)
        take.delete(key)
      }
    }
    // Counts that changed between the read and the write: one push at a time, as before.
    for (const key of take.keys())
      for (const push of byKey.get(key)!) if (await takeGrant(db, push.user_id, push.template, at)) granted.add(push.id)
  }
  return granted
}

/** Gives back a grant spent on a push that did not reach the person. */
export async function returnGrant(db: Kysely<Database>, userId: string, template: string, at: number): Promise<void> {
  await changeGrant(db, userId, template, 1, at)
}

function changeGrant(db: Kysely<Database>, userId: string, template: string, delta: 1 | -1, at: number) {
  return db
    .updateTable('subscription_grants')
    .set((eb) => ({ remaining: eb('remaining', '+', delta), updated_at: at }))
    .where('user_id', '=', userId)
    .where('template', '=', template)
    .where('remaining', delta < 0 ? '>' : '>=', 0)
    .executeTakeFirst()
}

/** The person has no grant of a template left (WeChat said so, or they refused it there). */
export async function clearGrants(db: Kysely<Database>, userId: string, template: string, at: number): Promise<void> {
  await db
    .updateTable('subscription_grants')
    .set({ remaining: 0, updated_at: at })
    .where('user_id', '=', userId)
    .where('template', '=', template)
    .execute()
}
