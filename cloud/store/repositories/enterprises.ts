import { sql, type Kysely, type Selectable, type Updateable } from 'kysely'
import type { Database } from '../database'
import type { EnterprisesTable } from '../tables/enterprises'

export type EnterpriseRow = Selectable<EnterprisesTable>

export function findEnterpriseById(db: Kysely<Database>, id: string): Promise<EnterpriseRow | undefined> {
  return db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findEnterpriseByCreditCode(db: Kysely<Database>, code: string): Promise<EnterpriseRow | undefined> {
  return db.selectFrom('enterprises').selectAll().where('credit_code', '=', code).executeTakeFirst()
}

/** The enterprise whose own code (企业走访码) this is. */
export function findEnterpriseByCheckinCode(db: Kysely<Database>, code: string): Promise<EnterpriseRow | undefined> {
  return db.selectFrom('enterprises').selectAll().where('checkin_code', '=', code).executeTakeFirst()
}

/** The enterprise's leader (包抓领导), or null when it has none or does not exist. */
export async function findLeaderIdOf(db: Kysely<Database>, enterpriseId: string): Promise<string | null> {
  const enterprise = await db.selectFrom('enterprises').select('leader_id').where('id', '=', enterpriseId).executeTakeFirst()
  return enterprise?.leader_id ?? null
}

/** The leader of each of many enterprises that has one. */
export async function findLeaderIdsOf(db: Kysely<Database>, enterpriseIds: string[]): Promise<Map<string, string>> {
  if (enterpriseIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('enterprises')
    .select(['id', 'leader_id'])
    .where('id', 'in', enterpriseIds)
    .where('leader_id', 'is not', null)
    .execute()
  return new Map(rows.map((r) => [r.id, r.leader_id as string]))
}

export async function insertEnterprise(db: Kysely<Database>, row: EnterpriseRow): Promise<void> {
  await db.insertInto('enterprises').values(row).execute()
}

export async function updateEnterprise(db: Kysely<Database>, id: string, changes: Updateable<EnterprisesTable>): Promise<void> {
  await db.updateTable('enterprises').set(changes).where('id', '=', id).execute()
}

export function findEnterprisesByIds(db: Kysely<Database>, ids: string[]): Promise<EnterpriseRow[]> {
  if (ids.length === 0) return Promise.resolve([])
  return db.selectFrom('enterprises').selectAll().where('id', 'in', ids).execute()
}

/** The enterprises with these credit codes (a roster import's create-or-update). */
export async function findEnterprisesByCreditCodes(db: Kysely<Database>, codes: string[]): Promise<EnterpriseRow[]> {
  const found: EnterpriseRow[] = []
  for (let i = 0; i < codes.length; i += 500)
    found.push(
      ...(await db
        .selectFrom('enterprises')
        .selectAll()
        .where('credit_code', 'in', codes.slice(i, i + 500))
        .execute()),
    )
  return found
}

/** The enterprises an officer covers (驻企特派员), in the roster's order. */
export function listEnterprisesOfOfficer(db: Kysely<Database>, officerId: string): Promise<EnterpriseRow[]> {
  return db.selectFrom('enterprises').selectAll().where('officer_id', '=', officerId).orderBy('name').orderBy('id').execute()
}

export interface RosterFilter {
  /** Part of the name or the credit code. */
  query?: string
  officerId?: string
  departmentId?: string
  status: 'active' | 'deactivated' | 'all'
}

/** A page of the roster in name order, and how many match. */
export async function listRoster(db: Kysely<Database>, filter: RosterFilter, limit: number, offset: number) {
  let query = db.selectFrom('enterprises')
  if (filter.query) {
    const like = `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`${sql.ref('enterprises.name')} like ${like} escape '\\'`,
        sql<boolean>`${sql.ref('enterprises.credit_code')} like ${like.toUpperCase()} escape '\\'`,
      ]),
    )
  }
  if (filter.officerId) query = query.where('enterprises.officer_id', '=', filter.officerId)
  if (filter.departmentId) query = query.where('enterprises.department_id', '=', filter.departmentId)
  if (filter.status === 'active') query = query.where('enterprises.deactivated_at', 'is', null)
  if (filter.status === 'deactivated') query = query.where('enterprises.deactivated_at', 'is not', null)
  const [items, total] = await Promise.all([
    query.selectAll('enterprises').orderBy('enterprises.name').orderBy('enterprises.id').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: Number(total.n) }
}

/** The whole roster for export, with who covers each enterprise by name and phone. */
export function listRosterForExport(db: Kysely<Database>) {
  return db
    .selectFrom('enterprises')
    .leftJoin('users as officer', 'officer.id', 'enterprises.officer_id')
    .leftJoin('users as leader', 'leader.id', 'enterprises.leader_id')
    .selectAll('enterprises')
    .select([
      'officer.name as officer_name',
      'officer.phone as officer_phone',
      'leader.name as leader_name',
      'leader.phone as leader_phone',
    ])
    .orderBy('enterprises.name')
    .orderBy('enterprises.id')
    .execute()
}
