import type { Kysely } from 'kysely'

/**
 * What the public service needs to hold under hostile use:
 * - a heartbeat the health check writes, so that a store that answers reads but can no longer
 *   write (a full disk) does not report itself healthy;
 * - a receipt for each create-like request, keyed by the person and the request id the client
 *   made once per form, so that a retried or doubled submit answers the first result;
 * - a visit booking's place in its enterprise's weekly allowance with that visitor, held in a
 *   unique column while the booking is live (as held_slot holds the half-day), so that one
 *   enterprise cannot book all of an officer's week, even with many bookings at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('health_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('request_receipts')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('client_request_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('result_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_receipts_pk', ['user_id', 'client_request_id'])
    .execute()
  await db.schema.alterTable('visits').addColumn('quota_key', 'text').execute()
  await db.schema.createIndex('visits_quota_idx').on('visits').column('quota_key').unique().execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('visits_quota_idx').execute()
  await db.schema.alterTable('visits').dropColumn('quota_key').execute()
  await db.schema.dropTable('request_receipts').execute()
  await db.schema.dropTable('health_checks').execute()
}
