import { z } from 'zod'
import { STAFF_ROLE_CHOICES } from '../domain/onboarding/staff'
import type { Role } from '../domain/roles'
import type { Me } from './auth'
import { clientRequestId, id, optionalText, phone, text } from './fields'
import { type Area, returns } from './spec'

/** Who manages staff: admins (the whole town) and department heads (their own department's officers). */
const MANAGERS = ['admin', 'dept_head'] as const

const staffRole = z.enum(STAFF_ROLE_CHOICES, { error: '请选择角色' }).meta({ title: '角色' })

export const listStaffInput = z.strictObject({
  /** Admins may name a department; a head always sees their own. */
  departmentId: id('部门').optional(),
  includeDeactivated: z.boolean().default(false).meta({ title: '包括已停用' }),
})

export const addStaffInput = z.strictObject({
  /** One person per form, however often it is submitted. */
  clientRequestId,
  name: text('姓名', 20),
  title: text('职务', 40),
  phone,
  role: staffRole,
  departmentId: id('部门').optional(),
})

export const updateStaffInput = z.strictObject({
  id: id('人员'),
  name: text('姓名', 20).optional(),
  title: text('职务', 40).optional(),
  phone: phone.optional(),
  role: staffRole.optional(),
  /** Empty for a leader or admin, who belong to no department. */
  departmentId: z.string().trim().max(64).nullable().optional().meta({ title: '部门' }),
})

export const staffIdInput = z.strictObject({ id: id('人员') })

export const deactivateStaffInput = z.strictObject({ id: id('人员'), reason: optionalText('停用原因', 100) })

export const claimInput = z.strictObject({
  code: z.string().trim().min(1, '请填写邀请码').max(40, '邀请码不超过 40 个字符').meta({ title: '邀请码' }),
  /** Only the first admin types a name: a staff invitation carries the name the office gave. */
  name: text('姓名', 20).optional(),
})

export const handoverInput = z.strictObject({
  fromId: id('交接人'),
  toId: id('接任人'),
  note: optionalText('交接说明', 200),
})

/** Where a member of staff stands: waiting for their invitation to be claimed, working, or closed. */
export type StaffStatus = 'invited' | 'active' | 'deactivated'

export interface StaffMember {
  id: string
  name: string
  title: string
  phone: string
  role: Role
  roleLabel: string
  department: { id: string; name: string } | null
  status: StaffStatus
  /** Whether a WeChat identity has claimed the record. */
  claimed: boolean
  /** The live invitation's expiry, if one waits to be claimed. */
  invitationExpiresAt: number | null
  deactivatedAt: number | null
  /** What an officer holds now, which a handover would move: enterprises, open appeals, visits ahead. */
  holds: { enterprises: number; appeals: number; visits: number }
}

/** A fresh invitation (邀请码): shown once, as a code to read out and a QR code to scan. */
export interface StaffInvitation {
  staff: StaffMember
  /** XXXX-XXXX-XXXX; only a hash of it is kept. */
  code: string
  expiresAt: number
  /** A mini-program code's fileID on WeChat; a link to a QR image of the H5 link on the local host. */
  image: string
}

export interface ClaimResult {
  /** What the code made the caller: the town's admin (the setup code), or a member of staff. */
  kind: 'setup' | 'staff'
  me: Me
}

export interface HandoverResult {
  from: { id: string; name: string }
  to: { id: string; name: string }
  enterprises: number
  appeals: number
  visits: number
  /** Open milestones of the plans (一企一策) that went with the enterprises. */
  milestones: number
}

/** 人员管理：添加工作人员、邀请、停用与交接 */
export const staffActions = {
  'staff.list': {
    summary: '工作人员名单：状态、邀请是否待领取、手上的企业和诉求',
    access: MANAGERS,
    input: listStaffInput,
    output: returns<StaffMember[]>(),
  },
  'staff.add': {
    summary: '添加一名工作人员，并生成一次性邀请码（管理员全镇，部门负责人本部门的特派员）',
    access: MANAGERS,
    input: addStaffInput,
    output: returns<StaffInvitation>(),
  },
  'staff.update': {
    summary: '修改工作人员的姓名、职务、电话、角色或部门',
    access: MANAGERS,
    input: updateStaffInput,
    output: returns<StaffMember>(),
  },
  'staff.invite': {
    summary: '重新生成邀请码（之前的作废），用于换手机或邀请过期',
    access: MANAGERS,
    input: staffIdInput,
    output: returns<StaffInvitation>(),
  },
  'staff.revokeInvitation': {
    summary: '收回尚未领取的邀请码',
    access: MANAGERS,
    input: staffIdInput,
    output: returns<StaffMember>(),
  },
  'staff.deactivate': {
    summary: '停用工作人员账号：立即失去权限，办理记录保留',
    access: MANAGERS,
    input: deactivateStaffInput,
    output: returns<StaffMember>(),
  },
  'staff.handover': {
    summary: '交接：把特派员的企业、在办诉求、待进行的走访和一企一策转给接任人',
    access: MANAGERS,
    input: handoverInput,
    output: returns<HandoverResult>(),
  },
  'staff.claim': {
    summary: '微信用户输入邀请码（或管理员设置码）成为工作人员',
    access: ['guest'],
    input: claimInput,
    output: returns<ClaimResult>(),
  },
} satisfies Area<'staff'>
