import { sql, type Kysely } from 'kysely'
import { newCheckinCode } from '../ids'

/**
 * Visits (走访): the half-days each visitor opens for booking, the visits themselves from request to
 * record, and what 一企一档 adds to an enterprise: its team, its plan's milestones (一企一策), and
 * the code an officer scans on site to prove a visit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('visit_slots')
    .addColumn('host_id', 'text', (c) => c.notNull().references('users.id'))
    /** A Beijing calendar day, YYYY-MM-DD, and its half: am or pm. */
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('half', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('visit_slots_pk', ['host_id', 'day', 'half'])
    .execute()

  await db.schema
    .createTable('visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    /** Who visits: the enterprise's officer, its department's head, or its leader. */
    .addColumn('host_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('host_role', 'text', (c) => c.notNull())
    /** visit (走访) or meeting (座谈, with a leader). */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** booked by the owner, or proactive (recorded or checked in without a booking). */
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.references('users.id'))
    .addColumn('client_request_id', 'text')
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('appeal_id', 'text', (c) => c.references('appeals.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('half', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    /** host|day|half while the visit is live, else null: the unique index makes double booking impossible. */
    .addColumn('held_slot', 'text', (c) => c.unique())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('checked_in_at', 'bigint')
    .addColumn('checkin_lat', 'real')
    .addColumn('checkin_lng', 'real')
    .addColumn('owner_confirmed_at', 'bigint')
    /** 1 once checked in or vouched for by the owner: only proven visits count toward compliance. */
    .addColumn('proven', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('visited_at', 'bigint')
    /** The visit record (JSON): participants, situation, what was asked, the appeals it filed. */
    .addColumn('record', 'text')
    /** For staff only: what the officer notes for colleagues and not for the enterprise. */
    .addColumn('internal_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reminded_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('visits_enterprise_idx').on('visits').columns(['enterprise_id', 'day']).execute()
  // An enterprise's latest proven visit (一企一档, 走访达标) from the index alone.
  await db.schema.createIndex('visits_enterprise_proven_idx').on('visits').columns(['enterprise_id', 'proven', 'visited_at']).execute()
  await db.schema.createIndex('visits_host_idx').on('visits').columns(['host_id', 'day']).execute()
  await db.schema.createIndex('visits_request_idx').on('visits').columns(['requested_by', 'client_request_id']).unique().execute()
  // Compliance reads the latest proven visit per visitor and enterprise from this index alone.
  await db.schema.createIndex('visits_proven_idx').on('visits').columns(['proven', 'visited_at', 'host_id', 'enterprise_id']).execute()

  await db.schema
    .createTable('plan_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    /** The last day (Beijing) it is due: tracked like an appeal's deadline. */
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_at', 'bigint')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('plan_milestones_enterprise_idx').on('plan_milestones').columns(['enterprise_id', 'due_on']).execute()

  await db.schema
    .alterTable('enterprises')
    .addColumn('team', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema.alterTable('enterprises').addColumn('checkin_code', 'text').execute()
  // Enterprises that exist already get their code now; new ones get it when inserted.
  const existing = await sql<{ id: string }>`select id from enterprises`.execute(db)
  for (const { id } of existing.rows) await sql`update enterprises set checkin_code = ${newCheckinCode()} where id = ${id}`.execute(db)
  await db.schema.createIndex('enterprises_checkin_idx').on('enterprises').column('checkin_code').unique().execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('enterprises_checkin_idx').execute()
  await db.schema.alterTable('enterprises').dropColumn('checkin_code').execute()
  await db.schema.alterTable('enterprises').dropColumn('team').execute()
  await db.schema.dropTable('plan_milestones').execute()
  await db.schema.dropTable('visits').execute()
  await db.schema.dropTable('visit_slots').execute()
}
