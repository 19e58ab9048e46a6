import type { Kysely } from 'kysely'
import type { Database } from '../database'

/**
 * What the service holds about a person besides their user row: the appeals they filed with the
 * contact details on them, their files, the visits they booked, their exhibition registrations,
 * and how many favourites and messages they have.
 */
export async function readPersonalData(db: Kysely<Database>, userId: string) {
  const [appeals, uploads, visits, exhibitions, favourites, messages] = await Promise.all([
    db
      .selectFrom('appeals')
      .select(['id', 'title', 'state', 'submitted_at', 'contact_name', 'contact_phone'])
      .where('created_by', '=', userId)
      .orderBy('submitted_at', 'desc')
      .execute(),
    db
      .selectFrom('uploads')
      .select(['id', 'name', 'size', 'created_at', 'appeal_id'])
      .where('owner_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute(),
    db.selectFrom('visits').select(['id', 'topic', 'day', 'state']).where('requested_by', '=', userId).orderBy('day', 'desc').execute(),
    db
      .selectFrom('expo_visitors')
      .select(['exhibition_id', 'name', 'phone', 'company', 'kind', 'share_contact'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('policy_favourites')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow(),
  ])
  return { appeals, uploads, visits, exhibitions, favourites: Number(favourites.n), messages: Number(messages.n) }
}

/**
 * Deletes the rows kept only for the person, inside the caller's transaction: their pending pushes
 * and messages, subscription grants, favourites, reading history, files not attached to an appeal,
 * exhibition follows and registrations.
 */
/** A person's uploads that no appeal carries: deleted with the account, files and all. */
export function listUnattachedUploadsOf(db: Kysely<Database>, userId: string) {
  return db.selectFrom('uploads').select(['storage', 'storage_key']).where('owner_id', '=', userId).where('appeal_id', 'is', null).execute()
}

export async function deletePersonalDataOf(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('outbox').where('user_id', '=', userId).execute()
  await db.deleteFrom('messages').where('user_id', '=', userId).execute()
  await db.deleteFrom('subscription_grants').where('user_id', '=', userId).execute()
  await db.deleteFrom('policy_favourites').where('user_id', '=', userId).execute()
  await db.deleteFrom('policy_views').where('user_id', '=', userId).execute()
  await db.deleteFrom('uploads').where('owner_id', '=', userId).where('appeal_id', 'is', null).execute()
  await db.deleteFrom('expo_follows').where('user_id', '=', userId).execute()
  await db.deleteFrom('expo_visitors').where('user_id', '=', userId).execute()
}
