import type { Kysely } from 'kysely'

/**
 * 政策兑现: policy_claims holds one application per policy and enterprise, and points to the help
 * entry that records the grant (so the enterprise confirms it as it confirms any help).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('policy_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('policy_id', 'text', (c) => c.notNull().references('policies.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('applied_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('applied_at', 'bigint', (c) => c.notNull())
    .addColumn('help_entry_id', 'text', (c) => c.references('help_entries.id'))
    .addColumn('granted_by', 'text', (c) => c.references('users.id'))
    .addColumn('granted_at', 'bigint')
    .addUniqueConstraint('policy_claims_policy_enterprise_key', ['policy_id', 'enterprise_id'])
    .execute()
  await db.schema.createIndex('policy_claims_enterprise_idx').on('policy_claims').columns(['enterprise_id']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policy_claims').execute()
}
