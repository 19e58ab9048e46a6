import type { ParsedInput, StaffInvitation, StaffMember } from '../../contract'
import { AppError, badRequest, forbidden } from '../../domain/errors'
import { staffManagementProblem, staffShapeProblem, type StaffRole } from '../../domain/onboarding/staff'
import { ROLE_LABELS } from '../../domain/roles'
import { asManager, loadManagedStaff } from '../../access/staff-access'
import { inTransaction, type Db } from '../../store/database'
import { newId } from '../../store/ids'
import { revokeLiveCodes } from '../../store/repositories/access-codes'
import { findDepartmentById } from '../../store/repositories/departments'
import { countHoldings } from '../../store/repositories/holdings'
import {
  countActiveAdmins,
  findStaffByPhone,
  findUserById,
  insertUser,
  listStaff,
  updateUser,
  type UserRow,
} from '../../store/repositories/users'
import { OPEN_STATES } from '../../domain/appeal/rules'
import { toStaffMember, toStaffMembers } from '../../views/staff-view'
import { codePicture, issueCode, type IssuedCode } from '../../workflows/access-codes'
import { once } from '../../workflows/once'
import { changedFields, recordAudit } from '../../workflows/audit'
import { ActionContext, requireUser } from '../context'

/** staff.list: an admin sees the town's staff (or one department's); a head their own department's. */
export async function listStaffMembers(ctx: ActionContext, input: ParsedInput<'staff.list'>): Promise<StaffMember[]> {
  const user = requireUser(ctx)
  let departmentId = input.departmentId
  if (user.role === 'dept_head') {
    if (departmentId && departmentId !== user.department_id) throw forbidden('部门负责人只能查看本部门的人员')
    departmentId = user.department_id ?? '-'
  }
  const rows = await listStaff(ctx.db, { departmentId, includeDeactivated: input.includeDeactivated })
  return toStaffMembers(ctx.db, rows, ctx.clock.now())
}

/** Checks a department a record is to belong to exists, naming the field when it does not. */
async function checkDepartment(db: Db, departmentId: string | null): Promise<string> {
  if (departmentId === null) return ''
  const department = await findDepartmentById(db, departmentId)
  if (!department) throw badRequest('「部门」(departmentId)：没有这个部门', 'departmentId')
  return department.name
}

/** Two open staff accounts never share a phone: the roster finds people by it. */
async function checkPhone(db: Db, phone: string, exceptId?: string): Promise<void> {
  const other = await findStaffByPhone(db, phone, exceptId)
  if (other) throw badRequest(`「联系电话」(phone)：${other.name}已在使用这个号码，请核对`, 'phone')
}

/**
 * staff.add: a new member of staff and their one-time invitation, in one transaction. Admins add
 * anyone; a head adds officers to their own department only (another department is refused).
 * Once per form (its request id): a repeated submit answers the person the first one added, with a
 * fresh invitation in place of the first (whose reply may never have arrived).
 */
export async function addStaff(ctx: ActionContext, input: ParsedInput<'staff.add'>): Promise<StaffInvitation> {
  const manager = requireUser(ctx)
  const now = ctx.clock.now()
  const departmentId = input.departmentId ?? null
  const shape = staffShapeProblem(input.role, departmentId)
  if (shape) throw badRequest(`「部门」(departmentId)：${shape}`, 'departmentId')
  const denied = staffManagementProblem(asManager(manager), { role: input.role, departmentId })
  if (denied) throw forbidden(denied)
  const row: UserRow = {
    id: newId('u'),
    name: input.name,
    role: input.role,
    title: input.title,
    phone: input.phone,
    department_id: departmentId,
    enterprise_id: null,
    openid: null,
    created_at: now,
    deactivated_at: null,
    primary_owner: 0,
    owner_since: null,
  }
  // What this request made, when it made it (a repeat makes nothing).
  const made: { code?: IssuedCode } = {}
  const request = { userId: manager.id, clientRequestId: input.clientRequestId, action: 'staff.add', now }
  const userId = await once(ctx.db, request, async (trx) => {
    // Checked inside: a repeat of the request finds the phone taken by the person it added.
    const departmentName = await checkDepartment(trx, departmentId)
    await checkPhone(trx, input.phone)
    await insertUser(trx, row)
    made.code = await issueCode(trx, { kind: 'staff', userId: row.id }, manager.id, now)
    await recordAudit(
      trx,
      manager,
      [
        {
          entity: 'staff',
          entityId: row.id,
          action: 'add',
          summary: `添加${ROLE_LABELS[row.role]} ${row.name}${departmentName ? `（${departmentName}）` : ''}，并生成邀请码`,
          after: { name: row.name, title: row.title, phone: row.phone, role: row.role, departmentId },
        },
      ],
      now,
    )
    return row.id
  })
  // A repeat, or the loser of a race whose transaction rolled back: the person the first one added.
  const issued = made.code
  if (userId !== row.id || !issued) return inviteAgain(ctx, userId)
  ctx.log.info('staff added', { userId: row.id, by: manager.id })
  return {
    staff: await toStaffMember(ctx.db, row, now),
    ...issued,
    image: await codePicture(ctx, { kind: 'staff', code: issued.code }),
  }
}

/** A repeated staff.add: a fresh invitation while the person has not joined; after that, nothing to repeat. */
async function inviteAgain(ctx: ActionContext, userId: string): Promise<StaffInvitation> {
  const added = await findUserById(ctx.db, userId)
  if (!added || added.openid !== null || added.deactivated_at !== null)
    throw new AppError('CONFLICT', `${added?.name ?? '这位人员'}已添加过，请在人员列表中查看`)
  return inviteStaff(ctx, { id: userId })
}

/** staff.update: corrects a record; a head may not give one of their officers another role or department. */
export async function updateStaff(ctx: ActionContext, input: ParsedInput<'staff.update'>): Promise<StaffMember> {
  const manager = requireUser(ctx)
  const now = ctx.clock.now()
  const target = await loadManagedStaff(ctx.db, manager, input.id)
  const role = (input.role ?? target.role) as StaffRole
  const departmentId = input.departmentId === undefined ? target.department_id : input.departmentId || null
  const shape = staffShapeProblem(role, departmentId)
  if (shape) throw badRequest(`「部门」(departmentId)：${shape}`, 'departmentId')
  const denied = staffManagementProblem(asManager(manager), { role, departmentId })
  if (denied) throw forbidden(denied)
  const departmentName = await checkDepartment(ctx.db, departmentId)
  if (input.phone) await checkPhone(ctx.db, input.phone, target.id)
  if (role !== target.role) {
    if (target.id === manager.id) throw forbidden('不能修改自己的角色')
    if (target.role === 'admin' && (await countActiveAdmins(ctx.db)) <= 1)
      throw new AppError('CONFLICT', '这是最后一名管理员，不能改为其他角色')
    const holds = (await countHoldings(ctx.db, [target.id], OPEN_STATES)).get(target.id)!
    if (target.role === 'officer' && holds.enterprises + holds.appeals + holds.visits > 0)
      throw new AppError(
        'CONFLICT',
        `${target.name}手上还有 ${holds.enterprises} 家企业、${holds.appeals} 件在办诉求、${holds.visits} 次走访，请先交接`,
      )
  }
  const next = {
    name: input.name ?? target.name,
    title: input.title ?? target.title,
    phone: input.phone ?? target.phone,
    role,
    department_id: departmentId,
  }
  const diff = changedFields(
    { name: target.name, title: target.title, phone: target.phone, role: target.role, department_id: target.department_id },
    next,
  )
  if (diff)
    await inTransaction(ctx.db, async (trx) => {
      await updateUser(trx, target.id, next)
      await recordAudit(
        trx,
        manager,
        [
          {
            entity: 'staff',
            entityId: target.id,
            action: 'update',
            summary: `修改 ${next.name} 的${Object.keys(diff.after)
              .map(
                (k) =>
                  ({ name: '姓名', title: '职务', phone: '电话', role: '角色', department_id: `部门（${departmentName || '无'}）` })[k],
              )
              .join('、')}`,
            ...diff,
          },
        ],
        now,
      )
    })
  return toStaffMember(ctx.db, (await findUserById(ctx.db, target.id))!, now)
}

/** staff.invite: a fresh invitation for an open record (a new phone, an expired code); earlier ones stop working. */
export async function inviteStaff(ctx: ActionContext, input: ParsedInput<'staff.invite'>): Promise<StaffInvitation> {
  const manager = requireUser(ctx)
  const now = ctx.clock.now()
  const target = await loadManagedStaff(ctx.db, manager, input.id)
  if (target.deactivated_at !== null) throw new AppError('CONFLICT', `${target.name}的账号已停用，不能再邀请`)
  const issued = await inTransaction(ctx.db, async (trx) => {
    const code = await issueCode(trx, { kind: 'staff', userId: target.id }, manager.id, now)
    await recordAudit(
      trx,
      manager,
      [
        {
          entity: 'staff',
          entityId: target.id,
          action: 'invite',
          summary: `为 ${target.name} 重新生成邀请码${target.openid ? '（领取后原微信将不能再登录）' : ''}`,
        },
      ],
      now,
    )
    return code
  })
  return {
    staff: await toStaffMember(ctx.db, target, now),
    ...issued,
    image: await codePicture(ctx, { kind: 'staff', code: issued.code }),
  }
}

/** staff.revokeInvitation: the waiting invitation stops working at once. */
export async function revokeInvitation(ctx: ActionContext, input: ParsedInput<'staff.revokeInvitation'>): Promise<StaffMember> {
  const manager = requireUser(ctx)
  const now = ctx.clock.now()
  const target = await loadManagedStaff(ctx.db, manager, input.id)
  await inTransaction(ctx.db, async (trx) => {
    if ((await revokeLiveCodes(trx, 'staff', { userId: target.id }, manager.id, now)) === 0)
      throw new AppError('CONFLICT', `${target.name}没有待领取的邀请码`)
    await recordAudit(
      trx,
      manager,
      [{ entity: 'staff', entityId: target.id, action: 'revoke', summary: `收回 ${target.name} 的邀请码` }],
      now,
    )
  })
  return toStaffMember(ctx.db, target, now)
}

/**
 * staff.deactivate: the account reaches nothing from the next call on (its WeChat identity is cut
 * loose, its invitations revoked); what it did stays on record. Its work is handed over apart.
 */
export async function deactivateStaff(ctx: ActionContext, input: ParsedInput<'staff.deactivate'>): Promise<StaffMember> {
  const manager = requireUser(ctx)
  const now = ctx.clock.now()
  const target = await loadManagedStaff(ctx.db, manager, input.id)
  if (target.id === manager.id) throw forbidden('不能停用自己的账号')
  if (target.deactivated_at !== null) throw new AppError('CONFLICT', `${target.name}的账号已经停用`)
  if (target.role === 'admin' && (await countActiveAdmins(ctx.db)) <= 1) throw new AppError('CONFLICT', '这是最后一名管理员，不能停用')
  await inTransaction(ctx.db, async (trx) => {
    await updateUser(trx, target.id, { deactivated_at: now, openid: null })
    await revokeLiveCodes(trx, 'staff', { userId: target.id }, manager.id, now)
    await recordAudit(
      trx,
      manager,
      [
        {
          entity: 'staff',
          entityId: target.id,
          action: 'deactivate',
          summary: `停用 ${target.name} 的账号${input.reason ? `：${input.reason}` : ''}`,
          before: { openid: target.openid ? '已绑定微信' : null },
        },
      ],
      now,
    )
  })
  ctx.log.info('staff deactivated', { userId: target.id, by: manager.id })
  return toStaffMember(ctx.db, (await findUserById(ctx.db, target.id))!, now)
}
