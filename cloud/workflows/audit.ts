import { inTransaction, type Db } from '../store/database'
import { insertAuditEntries } from '../store/repositories/audit'
import { saveTownSetting } from '../store/repositories/town-settings'
import type { UserRow } from '../store/repositories/users'

/** One change of the organisation, as the audit log (变更记录) keeps it. */
export interface AuditEntry {
  /** department, routing, setting, staff, enterprise, binding, owner. */
  entity: string
  entityId: string
  action: string
  /** What happened, in Chinese: 新增部门「招商服务办」. */
  summary: string
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
}

/**
 * Writes who changed what, in the transaction of the change: the change and its record stand or
 * fall together. `actor` null is the operator at the command line.
 */
export async function recordAudit(trx: Db, actor: Pick<UserRow, 'id' | 'role'> | null, entries: AuditEntry[], now: number): Promise<void> {
  await insertAuditEntries(
    trx,
    entries.map((e) => ({
      actor_id: actor?.id ?? null,
      actor_role: actor?.role ?? 'operator',
      entity: e.entity,
      entity_id: e.entityId,
      action: e.action,
      summary: e.summary,
      before: e.before ? JSON.stringify(e.before) : null,
      after: e.after ? JSON.stringify(e.after) : null,
      at: now,
    })),
  )
}

/** The fields that differ between two versions of a record, each side with only those. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } | null {
  const keys = (Object.keys(after) as (keyof T)[]).filter(
    (k) => after[k] !== undefined && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  )
  if (keys.length === 0) return null
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])) as Partial<T>,
    after: Object.fromEntries(keys.map((k) => [k, after[k]])) as Partial<T>,
  }
}

/**
 * A town setting an admin changed (visit frequency, assessment weights, indicator figures), stored
 * as JSON with its audit entry in one transaction; nothing is written when nothing changed.
 */
export async function saveAuditedSetting<T extends Record<string, unknown>>(
  db: Db,
  admin: Pick<UserRow, 'id' | 'role'>,
  change: { key: string; before: T; after: T; summary: string },
  now: number,
): Promise<void> {
  const diff = changedFields(change.before, change.after)
  if (!diff) return
  await inTransaction(db, async (trx) => {
    await saveTownSetting(trx, change.key, JSON.stringify(change.after), admin.id, now)
    await recordAudit(trx, admin, [{ entity: 'setting', entityId: change.key, action: 'update', summary: change.summary, ...diff }], now)
  })
}
