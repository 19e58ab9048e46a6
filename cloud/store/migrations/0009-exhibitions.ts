import type { Kysely } from 'kysely'

/**
 * Exhibitions (展会扫码): the exhibition and its booths, each with the short code its QR code
 * carries; scans counted once per person per booth per day; visitors and VIP buyers with what they
 * agreed to share; VIP invitation codes; and who follows which exhibitor.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('exhibitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('halls', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('booth_count', 'integer', (c) => c.notNull())
    .addColumn('area_m2', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('forum', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('featured_policy_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('exhibitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exhibition_id', 'text', (c) => c.notNull().references('exhibitions.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('booth_no', 'text', (c) => c.notNull())
    .addColumn('hall', 'text', (c) => c.notNull())
    .addColumn('products', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('free_zone', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('wxacode_file_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('exhibitors_booth_unique', ['exhibition_id', 'booth_no'])
    .execute()
  await db.schema.createIndex('exhibitors_enterprise_idx').on('exhibitors').columns(['enterprise_id']).execute()

  await db.schema
    .createTable('expo_scans')
    .addColumn('exhibition_id', 'text', (c) => c.notNull().references('exhibitions.id'))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('exhibitor_id', 'text', (c) => c.references('exhibitors.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hour_start', 'bigint', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    // A person scanning the same code again the same day is one visit, however often they scan.
    .addPrimaryKeyConstraint('expo_scans_pk', ['target', 'user_id', 'day'])
    .execute()
  await db.schema.createIndex('expo_scans_hour_idx').on('expo_scans').columns(['exhibition_id', 'hour_start']).execute()
  await db.schema.createIndex('expo_scans_exhibitor_idx').on('expo_scans').columns(['exhibitor_id', 'at']).execute()

  await db.schema
    .createTable('expo_visitors')
    .addColumn('exhibition_id', 'text', (c) => c.notNull().references('exhibitions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('company', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('share_contact', 'integer', (c) => c.notNull())
    .addColumn('invitation_code', 'text')
    .addColumn('registered_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('expo_visitors_pk', ['exhibition_id', 'user_id'])
    .execute()

  await db.schema
    .createTable('expo_invitations')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('exhibition_id', 'text', (c) => c.notNull().references('exhibitions.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('claimed_by', 'text', (c) => c.references('users.id'))
    .addColumn('claimed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('expo_follows')
    .addColumn('exhibitor_id', 'text', (c) => c.notNull().references('exhibitors.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('expo_follows_pk', ['exhibitor_id', 'user_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['expo_follows', 'expo_invitations', 'expo_visitors', 'expo_scans', 'exhibitors', 'exhibitions']) {
    await db.schema.dropTable(table).execute()
  }
}
