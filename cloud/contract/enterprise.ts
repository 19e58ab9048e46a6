import { z } from 'zod'
import { bindingCode, creditCode, empty, id, text } from './fields'
import { type Me } from './auth'
import { type PersonContact } from './common'
import { type GoalView, type MilestoneView, type TeamMemberView } from './plan'
import { type Area, BOUND, returns } from './spec'
import { type VisitView } from './visit'

/** The person says who they are: the enterprise's owners and officer are told, and approve a second owner by it. */
export const bindEnterpriseInput = z.strictObject({
  creditCode,
  bindingCode,
  name: text('您的姓名', 20),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '请填写 11 位手机号')
    .meta({ title: '您的手机号' }),
})

/** Staff name the enterprise; an owner gets their own. */
export const enterpriseOwnersInput = z.strictObject({ enterpriseId: id('企业').optional() })

export const bindingCodeInput = z.strictObject({ enterpriseId: id('企业') })

export const decideOwnerInput = z.strictObject({
  requestId: id('申请'),
  approve: z.boolean().meta({ title: '是否同意' }),
})

export const removeOwnerInput = z.strictObject({ userId: id('企业用户') })

export const enterpriseDossierInput = z.strictObject({
  /** Staff name the enterprise; an owner gets their own. */
  enterpriseId: id('企业').optional(),
})

export const assignEnterpriseInput = z.strictObject({
  enterpriseId: id('企业'),
  officerId: id('驻企特派员').optional(),
  departmentId: id('包抓部门').optional(),
  leaderId: id('包抓领导').optional(),
  team: z.string().trim().min(1, '请填写帮扶团队').max(60, '帮扶团队不能超过 60 个字').optional().meta({ title: '帮扶团队' }),
})

/** 一企一档: the enterprise's five ones (五个一) and its history. */
export interface EnterpriseDossier {
  enterprise: {
    id: string
    name: string
    creditCode: string
    industry: string
    kind: string
    park: string
    address: string
    legalPerson: string
  }
  leader: PersonContact | null
  department: { id: string; name: string } | null
  departmentHead: PersonContact | null
  /** The team's name (帮扶团队), and its members with their duties (一套班子). */
  team: string
  teamMembers: TeamMemberView[]
  officer: PersonContact | null
  plan: MilestoneView[]
  /** 一个目标: figures the plan aims for, with the day each is due. */
  goals: GoalView[]
  appeals: { id: string; title: string; state: string; stateLabel: string; submittedAt: number; source: string }[]
  visits: VisitView[]
  /** What the enterprise's QR code carries: only for its owner (to show) and admins. */
  checkinCode: string | null
  /** Whether the caller may change the assignments and the plan. */
  canManage: boolean
}

/** 企业走访码: what the owner shows for a visitor to scan on site. */
export interface CheckinCode {
  enterpriseName: string
  code: string
  /** A mini-program code's fileID on WeChat; a link to a QR image on the local host. */
  image: string
}

/** What a binding did: the caller is now an owner, or waits for the enterprise's approval. */
export interface BindResult {
  state: 'bound' | 'pending'
  enterpriseName: string
  me: Me
}

/** A fresh binding code (企业绑定码): shown once, as a code to read out and a QR code to scan. */
export interface BindingCodeView {
  enterpriseId: string
  enterpriseName: string
  creditCode: string
  /** Eight digits; only a hash of it is kept. */
  code: string
  expiresAt: number
  /** A mini-program code's fileID on WeChat; a link to a QR image of the H5 bind link on the local host. */
  image: string
}

/** Who speaks for an enterprise: its owners, those waiting for approval, and its live binding code. */
export interface EnterpriseOwners {
  enterprise: { id: string; name: string; creditCode: string; active: boolean }
  owners: { id: string; name: string; phone: string; primary: boolean; since: number; isMe: boolean }[]
  requests: { id: string; name: string; phone: string; at: number }[]
  /** When the live binding code expires, if there is one (the code itself is never shown again). */
  codeExpiresAt: number | null
  /** Whether the caller may approve, refuse and remove (the primary owner; staff covering it). */
  canManage: boolean
  /** Whether the caller may issue a binding code (staff covering it). */
  canIssue: boolean
}

/** 企业：绑定、一企一档、走访码和包联安排 */
export const enterpriseActions = {
  'enterprise.bind': {
    summary: '用统一社会信用代码和一次性绑定码把微信身份绑定到企业（已有企业用户的，须其同意）',
    access: ['guest'],
    input: bindEnterpriseInput,
    output: returns<BindResult>(),
  },
  'enterprise.issueBindingCode': {
    summary: '为包保的企业生成一次性绑定码（之前的作废），企业负责人扫码或凭码绑定',
    access: ['officer', 'dept_head', 'admin'],
    input: bindingCodeInput,
    output: returns<BindingCodeView>(),
  },
  'enterprise.revokeBindingCode': {
    summary: '收回企业尚未使用的绑定码',
    access: ['officer', 'dept_head', 'admin'],
    input: bindingCodeInput,
    output: returns<EnterpriseOwners>(),
  },
  'enterprise.owners': {
    summary: '企业成员：已绑定的企业用户、待同意的申请和绑定码是否有效',
    access: ['owner', 'officer', 'dept_head', 'leader', 'admin'],
    input: enterpriseOwnersInput,
    output: returns<EnterpriseOwners>(),
  },
  'enterprise.decideOwner': {
    summary: '同意或拒绝他人绑定本企业（企业主要负责人或包保的工作人员）',
    access: ['owner', 'officer', 'dept_head', 'admin'],
    input: decideOwnerInput,
    output: returns<EnterpriseOwners>(),
  },
  'enterprise.removeOwner': {
    summary: '移除企业的其他企业用户（企业主要负责人或包保的工作人员）',
    access: ['owner', 'officer', 'dept_head', 'admin'],
    input: removeOwnerInput,
    output: returns<EnterpriseOwners>(),
  },
  'enterprise.dossier': {
    summary: '一企一档：包抓领导、包抓部门、帮扶团队、驻企特派员、一企一策，以及诉求和走访记录',
    access: BOUND,
    input: enterpriseDossierInput,
    output: returns<EnterpriseDossier>(),
  },
  'enterprise.checkinCode': {
    summary: '本企业的走访码（走访人员现场扫码签到）',
    access: ['owner'],
    input: empty,
    output: returns<CheckinCode>(),
  },
  'enterprise.assign': {
    summary: '领导或管理员调整企业的包联安排',
    access: ['leader', 'admin'],
    input: assignEnterpriseInput,
    output: returns<EnterpriseDossier>(),
  },
} satisfies Area<'enterprise'>
