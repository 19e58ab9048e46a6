import type { Page, ParsedInput, RosterEnterprise } from '../../contract'
import { AppError, badRequest, forbidden, notFound } from '../../domain/errors'
import { inTransaction, type Db } from '../../store/database'
import { newCheckinCode, newId } from '../../store/ids'
import { revokeLiveCodes } from '../../store/repositories/access-codes'
import { findDepartmentById } from '../../store/repositories/departments'
import {
  findEnterpriseByCreditCode,
  findEnterpriseById,
  findEnterprisesByIds,
  insertEnterprise,
  listRoster,
  updateEnterprise,
  type EnterpriseRow,
} from '../../store/repositories/enterprises'
import { listPendingRequests, withdrawRequestsOf } from '../../store/repositories/owner-requests'
import { findUserById, type UserRow } from '../../store/repositories/users'
import { toRosterEnterprises } from '../../views/roster-view'
import { changedFields, recordAudit } from '../../workflows/audit'
import { moveWork } from '../../workflows/handover'
import { ActionContext, requireUser } from '../context'

/** roster.list: officers their own enterprises, heads their department's, leaders and admins the town's. */
export async function listRosterPage(ctx: ActionContext, input: ParsedInput<'roster.list'>): Promise<Page<RosterEnterprise>> {
  const user = requireUser(ctx)
  const scope =
    user.role === 'officer'
      ? { officerId: user.id }
      : user.role === 'dept_head'
        ? { departmentId: user.department_id ?? '-', officerId: input.officerId }
        : { officerId: input.officerId }
  const { items, total } = await listRoster(ctx.db, { query: input.query, status: input.status, ...scope }, input.limit, input.offset)
  return { items: await toRosterEnterprises(ctx.db, items), total }
}

/** An open account of this role, or a 400 naming the field. */
export async function requirePerson(db: Db, id: string, role: 'officer' | 'leader', field: string, title: string): Promise<UserRow> {
  const person = await findUserById(db, id)
  if (!person || person.role !== role || person.deactivated_at !== null)
    throw badRequest(`「${title}」(${field})：请选择一名在职的${title}`, field)
  return person
}

/** The roster's own fields of an enterprise, as stored. */
export function rosterFields(row: {
  name: string
  creditCode: string
  kind: string
  industry: string
  park: string
  address: string
  legalPerson: string
  tags: string[]
  contactName: string
  contactPhone: string
  leaderId: string | null
}) {
  return {
    name: row.name,
    credit_code: row.creditCode,
    kind: row.kind,
    industry: row.industry,
    park: row.park,
    address: row.address,
    legal_person: row.legalPerson,
    tags: JSON.stringify(row.tags),
    contact_name: row.contactName,
    contact_phone: row.contactPhone,
    leader_id: row.leaderId,
  }
}

/** A new enterprise on the roster: covered by its officer, in the officer's department, with its own check-in code. */
export function newEnterpriseRow(
  fields: ReturnType<typeof rosterFields>,
  officer: UserRow,
  departmentName: string,
  now: number,
): EnterpriseRow {
  return {
    id: newId('ent'),
    ...fields,
    officer_id: officer.id,
    department_id: officer.department_id,
    team: departmentName ? `${departmentName}帮扶小组` : '',
    checkin_code: newCheckinCode(),
    created_at: now,
    deactivated_at: null,
  }
}

/**
 * roster.save: adds an enterprise or corrects one. A new officer takes over as a handover does: the
 * open appeals and visits ahead the previous officer held for it go too, each with its event.
 */
export async function saveEnterprise(ctx: ActionContext, input: ParsedInput<'roster.save'>): Promise<RosterEnterprise> {
  const admin = requireUser(ctx)
  const now = ctx.clock.now()
  const existing = input.id ? await findEnterpriseById(ctx.db, input.id) : undefined
  if (input.id && !existing) throw notFound('没有这家企业')
  const sameCode = await findEnterpriseByCreditCode(ctx.db, input.creditCode)
  if (sameCode && sameCode.id !== existing?.id)
    throw badRequest(`「统一社会信用代码」(creditCode)：名录里已有「${sameCode.name}」使用这个代码`, 'creditCode')
  const officer = await requirePerson(ctx.db, input.officerId, 'officer', 'officerId', '驻企特派员')
  if (input.leaderId) await requirePerson(ctx.db, input.leaderId, 'leader', 'leaderId', '包抓领导')
  const department = officer.department_id ? await findDepartmentById(ctx.db, officer.department_id) : undefined
  const fields = rosterFields({ ...input, leaderId: input.leaderId ?? null })

  const id = await inTransaction(ctx.db, async (trx) => {
    if (!existing) {
      const row = newEnterpriseRow(fields, officer, department?.name ?? '', now)
      await insertEnterprise(trx, row)
      await recordAudit(
        trx,
        admin,
        [
          {
            entity: 'enterprise',
            entityId: row.id,
            action: 'add',
            summary: `新增企业「${row.name}」，驻企特派员 ${officer.name}`,
            after: fields,
          },
        ],
        now,
      )
      return row.id
    }
    const next = { ...fields, department_id: officer.department_id }
    const diff = changedFields(existing, next)
    if (diff) {
      await updateEnterprise(trx, existing.id, next)
      await recordAudit(
        trx,
        admin,
        [{ entity: 'enterprise', entityId: existing.id, action: 'update', summary: `修改企业「${next.name}」`, ...diff }],
        now,
      )
    }
    if (existing.officer_id !== officer.id)
      await moveWork(trx, admin, { successor: officer, enterprises: [existing], reason: '更换驻企特派员' }, now)
    return existing.id
  })
  return (await toRosterEnterprises(ctx.db, [(await findEnterpriseById(ctx.db, id))!]))[0]
}

/**
 * roster.setActive: an enterprise leaves the roster (closed, moved away) or comes back. Off the
 * roster it cannot be bound (its live code is revoked, waiting requests withdrawn) and owes no
 * visits; its owners, appeals and history stay.
 */
export async function setEnterpriseActive(ctx: ActionContext, input: ParsedInput<'roster.setActive'>): Promise<RosterEnterprise> {
  const admin = requireUser(ctx)
  const now = ctx.clock.now()
  const enterprise = await findEnterpriseById(ctx.db, input.id)
  if (!enterprise) throw notFound('没有这家企业')
  if ((enterprise.deactivated_at === null) === input.active)
    throw new AppError('CONFLICT', input.active ? '这家企业本来就在名录中' : '这家企业已经停用')
  await inTransaction(ctx.db, async (trx) => {
    await updateEnterprise(trx, enterprise.id, { deactivated_at: input.active ? null : now })
    if (!input.active) {
      await revokeLiveCodes(trx, 'binding', { enterpriseId: enterprise.id }, admin.id, now)
      for (const request of await listPendingRequests(trx, enterprise.id)) await withdrawRequestsOf(trx, request.user_id, now)
    }
    await recordAudit(
      trx,
      admin,
      [
        {
          entity: 'enterprise',
          entityId: enterprise.id,
          action: input.active ? 'reactivate' : 'deactivate',
          summary: `${input.active ? '恢复' : '停用'}企业「${enterprise.name}」`,
        },
      ],
      now,
    )
  })
  return (await toRosterEnterprises(ctx.db, [(await findEnterpriseById(ctx.db, enterprise.id))!]))[0]
}

/**
 * roster.assign (批量包保): a list of enterprises to one officer in one step, by the handover's
 * rules: their open appeals and visits ahead held by their previous officers move with them. An
 * admin moves any; a head the enterprises of their department, to one of their officers.
 */
export async function assignRoster(
  ctx: ActionContext,
  input: ParsedInput<'roster.assign'>,
): Promise<{ moved: number; appeals: number; visits: number }> {
  const manager = requireUser(ctx)
  const now = ctx.clock.now()
  const officer = await requirePerson(ctx.db, input.officerId, 'officer', 'officerId', '驻企特派员')
  const ids = [...new Set(input.enterpriseIds)]
  const enterprises = await findEnterprisesByIds(ctx.db, ids)
  const mine = (e: EnterpriseRow) =>
    manager.role === 'admin' || (manager.department_id !== null && e.department_id === manager.department_id)
  // Someone else's enterprise answers like a missing one.
  if (enterprises.length !== ids.length || !enterprises.every(mine)) throw notFound('有企业不存在，或不在您的部门')
  if (manager.role === 'dept_head' && officer.department_id !== manager.department_id)
    throw forbidden('部门负责人只能把企业交给本部门的特派员')
  const moved = await inTransaction(ctx.db, (trx) =>
    moveWork(trx, manager, { successor: officer, enterprises, reason: input.note ? `批量包保（${input.note}）` : '批量包保' }, now),
  )
  return { moved: moved.enterprises, appeals: moved.appeals, visits: moved.visits }
}
