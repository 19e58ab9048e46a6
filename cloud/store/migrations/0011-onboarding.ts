import { sql, type Kysely } from 'kysely'

/**
 * A county goes live: one-time codes (the first admin's setup code, staff invitations, enterprise
 * binding codes), stored as hashes; attempts counted per person or enterprise and window; owners
 * waiting for approval; the organisation's changes audited; town-wide settings edited in the app.
 * Staff accounts can be deactivated, enterprises too, and every enterprise has one primary owner.
 * The old six-digit invite code, which anyone could guess and which never changed, is dropped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('deactivated_at', 'bigint').execute()
  // The enterprise's primary owner (主要负责人): rates what others of the enterprise filed, approves co-owners.
  await db.schema
    .alterTable('users')
    .addColumn('primary_owner', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  // When an owner came to speak for their enterprise: who joined first follows a primary owner who leaves.
  await db.schema.alterTable('users').addColumn('owner_since', 'bigint').execute()
  await sql`update users set owner_since = created_at where role = 'owner'`.execute(db)
  // The owner who signed up first is the primary one of each enterprise that has owners already.
  await sql`
    update users set primary_owner = 1
    where role = 'owner' and enterprise_id is not null and id = (
      select u2.id from users u2
      where u2.role = 'owner' and u2.enterprise_id = users.enterprise_id
      order by u2.created_at, u2.id limit 1
    )`.execute(db)
  // At most one primary owner per enterprise, whatever two approvals racing do.
  await db.schema
    .createIndex('users_primary_owner_idx')
    .on('users')
    .column('enterprise_id')
    .unique()
    .where(sql.ref('primary_owner'), '=', 1)
    .execute()

  await db.schema.alterTable('enterprises').dropColumn('invite_code').execute()
  await db.schema.alterTable('enterprises').addColumn('deactivated_at', 'bigint').execute()
  await db.schema
    .alterTable('enterprises')
    .addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('enterprises')
    .addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(''))
    .execute()

  await db.schema
    .createTable('access_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** setup (the first admin), staff (an invitation) or binding (an enterprise's owner). */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** SHA-256 of the kind and the code (a binding code's also of its enterprise); never the code itself. */
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    /** The staff record an invitation makes its claimer. */
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    /** The enterprise a binding code binds to. */
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    /** Who issued it; null for the operator's setup code from the command line. */
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('used_by', 'text', (c) => c.references('users.id'))
    .addColumn('revoked_at', 'bigint')
    .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
    .execute()
  await db.schema.createIndex('access_codes_user_idx').on('access_codes').columns(['kind', 'user_id']).execute()
  await db.schema.createIndex('access_codes_enterprise_idx').on('access_codes').columns(['kind', 'enterprise_id']).execute()

  await db.schema
    .createTable('attempt_counters')
    /** What is counted: bindByPerson, bindByEnterprise, claimByPerson. */
    .addColumn('scope', 'text', (c) => c.notNull())
    /** Whose tries: a user id, or a credit code. */
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('attempt_counters_pk', ['scope', 'subject', 'window_start'])
    .execute()

  await db.schema
    .createTable('owner_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    /** pending → approved or declined; withdrawn when the person left meanwhile. */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'bigint')
    .execute()
  await db.schema.createIndex('owner_requests_enterprise_idx').on('owner_requests').columns(['enterprise_id', 'state']).execute()
  // One request waiting per person at a time.
  await db.schema
    .createIndex('owner_requests_pending_idx')
    .on('owner_requests')
    .column('user_id')
    .unique()
    .where(sql.ref('state'), '=', 'pending')
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** Who changed it; null for the operator at the command line or the system. */
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_role', 'text', (c) => c.notNull())
    /** department, routing, setting, staff, enterprise, binding, owner. */
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    /** What happened, in Chinese, for the page. */
    .addColumn('summary', 'text', (c) => c.notNull())
    /** The fields changed, before and after (JSON). */
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').columns(['at']).execute()
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id', 'at']).execute()

  await db.schema
    .createTable('town_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['town_settings', 'audit_log', 'owner_requests', 'attempt_counters', 'access_codes'])
    await db.schema.dropTable(table).execute()
  for (const column of ['contact_phone', 'contact_name', 'deactivated_at'])
    await db.schema.alterTable('enterprises').dropColumn(column).execute()
  await db.schema
    .alterTable('enterprises')
    .addColumn('invite_code', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema.dropIndex('users_primary_owner_idx').execute()
  for (const column of ['owner_since', 'primary_owner', 'deactivated_at']) await db.schema.alterTable('users').dropColumn(column).execute()
}
