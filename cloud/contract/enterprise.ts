import { z } from 'zod'
import { creditCode, empty, id, inviteCode } from './fields'
import { type Me } from './auth'
import { type PersonContact } from './common'
import { type MilestoneView } from './plan'
import { type Area, BOUND, returns } from './spec'
import { type VisitView } from './visit'

export const bindEnterpriseInput = z.strictObject({ creditCode, inviteCode })

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
  team: string
  officer: PersonContact | null
  plan: MilestoneView[]
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

/** 企业：绑定、一企一档、走访码和包联安排 */
export const enterpriseActions = {
  'enterprise.bind': {
    summary: '用统一社会信用代码和邀请码把微信身份绑定到企业',
    access: ['guest'],
    input: bindEnterpriseInput,
    output: returns<Me>(),
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
