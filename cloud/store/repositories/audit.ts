import type { Insertable, Kysely, Selectable } from 'kysely'
import { newId } from '../ids'

/** Entries written in the same millisecond keep their order: the id sorts by time, then by write. */
let written = 0
const auditId = (at: number) => newId(`au-${String(at).padStart(15, '0')}-${String(written++ % 1e9).padStart(9, '0')}`)
import type { Database } from '../database'
import type { AuditLogTable } from '../tables/onboarding'

export type AuditRow = Selectable<AuditLogTable>

/** Writes audit entries, inside the transaction of the change they record. */
export async function insertAuditEntries(db: Kysely<Database>, rows: Omit<Insertable<AuditLogTable>, 'id'>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('audit_log')
      .values(rows.slice(i, i + 200).map((row) => ({ ...row, id: auditId(row.at) })))
      .execute()
}

/** The latest entries first, optionally of one kind of thing or one thing, with the actor's name. */
export function listAuditEntries(db: Kysely<Database>, filter: { entity?: string; entityId?: string }, limit: number, offset: number) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.actor_id',
      'audit_log.actor_role',
      'users.name as actor_name',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.action',
      'audit_log.summary',
      'audit_log.before',
      'audit_log.after',
      'audit_log.at',
    ])
  if (filter.entity) query = query.where('audit_log.entity', '=', filter.entity)
  if (filter.entityId) query = query.where('audit_log.entity_id', '=', filter.entityId)
  return query.orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc').limit(limit).offset(offset).execute()
}
