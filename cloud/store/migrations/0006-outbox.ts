import type { Kysely } from 'kysely'

/**
 * Push notifications: what each person allowed (a one-time subscribe grant per template), and the
 * outbox a dispatcher sends from. An outbox row is written with the change that causes it and the
 * in-app message it pushes; a row is claimed with a token and a lease before it is sent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('subscription_grants')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('template', 'text', (c) => c.notNull())
    /** One-time grants not yet used: each allows one push. */
    .addColumn('remaining', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('subscription_grants_pk', ['user_id', 'template'])
    .execute()

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('template', 'text', (c) => c.notNull())
    /** Our field values (JSON), cut to the template's limits when sent. */
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('page', 'text', (c) => c.notNull())
    /** pending → sending → sent; or skipped (no grant), failed (permanent, or out of attempts), uncertain (a crash mid-send). */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('claim_token', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute()
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['state', 'next_attempt_at']).execute()
  await db.schema.createIndex('outbox_claim_idx').on('outbox').columns(['claim_token']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox').execute()
  await db.schema.dropTable('subscription_grants').execute()
}
