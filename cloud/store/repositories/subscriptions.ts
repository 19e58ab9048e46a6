import type { Kysely } from 'kysely'
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
