import type { Kysely } from 'kysely'

/**
 * Policies reaching enterprises: whom a policy asks for and what an enterprise holds (资质), who
 * saved and who read a policy, appeals that consult a policy or ask for a proxy service, and the
 * in-app messages that tell an owner a matching policy was published.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('enterprises')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  await db.schema
    .alterTable('policies')
    .addColumn('enterprise_tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  await db.schema.alterTable('appeals').addColumn('policy_id', 'text').execute()
  await db.schema.alterTable('appeals').addColumn('service_item_id', 'text').execute()
  await db.schema.createIndex('appeals_policy_idx').on('appeals').columns(['policy_id']).execute()
  // Whom the policies in force are for, answered from the index alone: the explainer bodies are
  // long, and the columns stored after them would otherwise be read through them for every policy.
  await db.schema
    .createIndex('policies_audience_idx')
    .on('policies')
    .columns(['status', 'expires_at', 'published_at', 'id', 'industries', 'kinds', 'enterprise_tags'])
    .execute()
  await db.schema.createIndex('enterprises_audience_idx').on('enterprises').columns(['industry', 'kind']).execute()

  await db.schema
    .createTable('policy_favourites')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('policy_id', 'text', (c) => c.notNull().references('policies.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_favourites_pk', ['user_id', 'policy_id'])
    .execute()
  await db.schema.createIndex('policy_favourites_policy_idx').on('policy_favourites').columns(['policy_id']).execute()

  await db.schema
    .createTable('policy_views')
    .addColumn('policy_id', 'text', (c) => c.notNull().references('policies.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    /** YYYY-MM-DD in Beijing: a view counts once per person per day. */
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_views_pk', ['policy_id', 'user_id', 'day'])
    .execute()
  await db.schema.createIndex('policy_views_enterprise_idx').on('policy_views').columns(['policy_id', 'enterprise_id']).execute()

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    /** The page the message opens, e.g. /pages/policy-detail/index?id=… */
    .addColumn('link', 'text', (c) => c.notNull())
    /** Unique per user: the same event never tells the same person twice. */
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .addUniqueConstraint('messages_dedupe_unique', ['user_id', 'dedupe_key'])
    .execute()
  await db.schema.createIndex('messages_user_idx').on('messages').columns(['user_id', 'created_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['messages', 'policy_views', 'policy_favourites']) await db.schema.dropTable(table).execute()
  await db.schema.dropIndex('enterprises_audience_idx').execute()
  await db.schema.dropIndex('policies_audience_idx').execute()
  await db.schema.dropIndex('appeals_policy_idx').execute()
  for (const column of ['service_item_id', 'policy_id']) await db.schema.alterTable('appeals').dropColumn(column).execute()
  await db.schema.alterTable('policies').dropColumn('enterprise_tags').execute()
  await db.schema.alterTable('enterprises').dropColumn('tags').execute()
}
