import { z } from 'zod'
import type { ExpoPhase, VisitorKind } from '../domain/expo'
import { VISITOR_KINDS } from '../domain/expo'
import { clientRequestId, day, empty, id, phone, readsFields, text } from './fields'
import { type PolicySummary } from './policy'
import { type Area, EVERYONE_SIGNED_IN, returns } from './spec'

const list = (title: string, each: number, max: number) =>
  z
    .array(z.string().trim().min(1, `${title}不能为空`).max(each, `${title}每项不超过 ${each} 个字`))
    .max(max, `${title}最多 ${max} 项`)
    .default([])
    .meta({ title })

/** What a scan opened with, as the page read it: checked by the domain, so any string up to a sane length. */
export const openExpoInput = z.strictObject({ scene: z.string().max(200, '二维码内容过长').meta({ title: '二维码' }) })

export const registerVisitorInput = z
  .strictObject({
    exhibitionId: id('展会'),
    name: text('姓名', 20),
    phone,
    company: text('单位', 60),
    kind: z.enum(VISITOR_KINDS, { error: '请选择观众或 VIP 采购商' }).default('visitor').meta({ title: '身份' }),
    invitationCode: z.string().trim().toUpperCase().max(16).optional().meta({ title: 'VIP 邀请码' }),
    /** The visitor's consent: exhibitors they scan or follow see their name, company and phone. */
    shareContact: z.boolean().default(false).meta({ title: '是否向展商提供联系方式' }),
  })
  .refine((input) => input.kind !== 'vip' || (input.invitationCode ?? '').length > 0, {
    message: '申请 VIP 采购商请填写邀请码',
    path: ['invitationCode'],
    ...readsFields('kind', 'invitationCode'),
  })

export const followExhibitorInput = z.strictObject({ exhibitorId: id('展商'), on: z.boolean().meta({ title: '是否关注' }) })

/** Without an id: the caller's enterprise's booth at its latest exhibition. */
export const expoLeadsInput = z.strictObject({ exhibitorId: id('展商').optional() })

export const exhibitionIdInput = z.strictObject({ id: id('展会') })

const forumSession = z.strictObject({
  day: day('论坛日期'),
  time: z
    .string()
    .trim()
    .regex(/^\d{2}:\d{2}(-\d{2}:\d{2})?$/, '论坛时间格式应为 09:30 或 09:30-11:30')
    .meta({ title: '论坛时间' }),
  title: text('论坛名称', 60),
  place: text('论坛地点', 40),
})

export const saveExhibitionInput = z
  .strictObject({
    /** A new exhibition is made once per form, however often it is submitted. */
    clientRequestId,
    id: id('展会').optional(),
    name: text('展会名称', 60),
    theme: z.string().trim().max(60, '主题不能超过 60 个字').default('').meta({ title: '主题' }),
    venue: text('举办地点', 60),
    startsOn: day('开幕日期'),
    endsOn: day('闭幕日期'),
    halls: list('展馆', 30, 20),
    boothCount: z.number().int().min(1, '展位数至少为 1').max(10_000).meta({ title: '展位数' }),
    areaM2: z.number().int().min(0).max(10_000_000).default(0).meta({ title: '展览面积' }),
    forum: z.array(forumSession).max(30, '论坛最多 30 场').default([]).meta({ title: '论坛日程' }),
    featuredPolicyIds: z.array(id('推荐政策')).max(10, '推荐政策最多 10 条').default([]).meta({ title: '推荐政策' }),
  })
  .refine((e) => e.endsOn >= e.startsOn, { message: '闭幕日期不能早于开幕日期', path: ['endsOn'], ...readsFields('startsOn', 'endsOn') })

export const saveExhibitorInput = z.strictObject({
  /** A new booth is placed once per form, however often it is submitted. */
  clientRequestId,
  exhibitionId: id('展会'),
  id: id('展商').optional(),
  /** The town's enterprise exhibiting; left out for a firm from elsewhere. */
  enterpriseId: id('参展企业').optional(),
  name: text('展商名称', 60),
  boothNo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,12}$/, '展位号只含字母、数字和连字符，最多 12 位')
    .transform((v) => v.toUpperCase())
    .meta({ title: '展位号' }),
  hall: text('展馆', 30),
  products: list('展品', 30, 20),
  intro: z.string().trim().max(300, '简介不能超过 300 个字').default('').meta({ title: '简介' }),
  contactName: text('展位联系人', 20),
  contactPhone: phone.meta({ title: '展位联系电话' }),
  freeZone: z.boolean().default(false).meta({ title: '乡村振兴特色展区（免费）' }),
})

/** What the API answers about exhibitions: plain JSON, imported by the app as types only. */
export interface ForumSession {
  day: string
  time: string
  title: string
  place: string
}

export interface ExhibitionView {
  id: string
  name: string
  theme: string
  venue: string
  startsOn: string
  endsOn: string
  dateLabel: string
  halls: string[]
  boothCount: number
  areaM2: number
  forum: ForumSession[]
  phase: ExpoPhase
  phaseLabel: string
}

export interface ExhibitorView {
  id: string
  name: string
  boothNo: string
  hall: string
  products: string[]
  intro: string
  contact: { name: string; phone: string }
  freeZone: boolean
  enterpriseId: string | null
}

export interface ExpoVisitorView {
  name: string
  phone: string
  company: string
  kind: VisitorKind
  kindLabel: string
  shareContact: boolean
}

/** The landing page: the exhibition or a booth; or, for a scene that leads nowhere, why. */
export type ExpoLanding =
  | {
      found: true
      exhibition: ExhibitionView
      booth: ExhibitorView | null
      /** This scan was counted (the first today by this person for this code). */
      counted: boolean
      registration: ExpoVisitorView | null
      following: boolean
      /** The caller owns the exhibiting enterprise: the page offers its leads. */
      ownBooth: boolean
      /** Only an owner files an appeal (现场诉求), for their own enterprise. */
      canAppeal: boolean
      policies: PolicySummary[]
    }
  | { found: false; reason: 'malformed' | 'unknown' | 'expired'; message: string; exhibitionName: string | null }

export interface ExpoLead {
  /** Last scan, or when they followed. */
  at: number
  scanDays: number
  following: boolean
  /** Only what the visitor agreed to share: without consent, null. */
  name: string | null
  company: string | null
  phone: string | null
  kindLabel: string | null
}

export interface ExpoLeads {
  exhibitor: { id: string; name: string; boothNo: string; exhibitionName: string }
  scans: number
  follows: number
  /** Visitors who agreed to share, then the others; each the latest first. */
  leads: ExpoLead[]
}

export interface ExpoStats {
  exhibition: ExhibitionView
  totals: { scans: number; people: number; visitors: number; vips: number; follows: number }
  byHour: { hour: string; scans: number }[]
  busiest: { id: string; name: string; boothNo: string; scans: number; follows: number }[]
}

export interface ExhibitionAdminView extends ExhibitionView {
  featuredPolicyIds: string[]
  exhibitors: (ExhibitorView & { scene: string; path: string })[]
  entrance: { scene: string; path: string }
  invitations: { total: number; claimed: number }
}

export interface ExpoCodes {
  /** The printable sheet on the local host, signed for an hour (admins only); null on CloudBase. */
  printUrl: string | null
  codes: { boothNo: string; name: string; scene: string; path: string; image: string | null }[]
  /** Codes still to be made on CloudBase (a call makes a few; ask again for the rest). */
  pending: number
}

/** 展会扫码 */
export const expoActions = {
  'expo.open': {
    summary: '展会扫码：展会或展位的展商名片，并计一次扫码（每人每码每天一次）',
    access: EVERYONE_SIGNED_IN,
    input: openExpoInput,
    output: returns<ExpoLanding>(),
  },
  'expo.register': {
    summary: '登记为展会观众，或凭邀请码登记为 VIP 采购商（可选择向展商提供联系方式）',
    access: EVERYONE_SIGNED_IN,
    input: registerVisitorInput,
    output: returns<ExpoVisitorView>(),
  },
  'expo.follow': {
    summary: '关注或取消关注展商',
    access: EVERYONE_SIGNED_IN,
    input: followExhibitorInput,
    output: returns<{ following: boolean }>(),
  },
  'expo.leads': {
    summary: '参展企业查看本展位的扫码和关注线索（只含观众同意提供的信息）',
    access: ['owner'],
    input: expoLeadsInput,
    output: returns<ExpoLeads>(),
  },
  'expo.stats': {
    summary: '展会扫码总数、登记人数、分时扫码和最热展位',
    access: ['leader', 'admin'],
    input: exhibitionIdInput,
    output: returns<ExpoStats>(),
  },
  'expo.adminList': { summary: '管理员查看全部展会', access: ['admin'], input: empty, output: returns<ExhibitionView[]>() },
  'expo.adminGet': {
    summary: '管理员查看展会、展商和各展位二维码内容',
    access: ['admin'],
    input: exhibitionIdInput,
    output: returns<ExhibitionAdminView>(),
  },
  'expo.save': {
    summary: '管理员新建或修改展会（名称、地点、日期、展馆、展位数、论坛日程）',
    access: ['admin'],
    input: saveExhibitionInput,
    output: returns<ExhibitionAdminView>(),
  },
  'expo.saveExhibitor': {
    summary: '管理员安排或修改展位上的展商（企业、展位号、展品、乡村振兴展区）',
    access: ['admin'],
    input: saveExhibitorInput,
    output: returns<ExhibitionAdminView>(),
  },
  'expo.codes': {
    summary: '生成展位码：云开发上为小程序码，本地为可打印的二维码页（签名链接）',
    access: ['admin'],
    input: exhibitionIdInput,
    output: returns<ExpoCodes>(),
  },
} satisfies Area<'expo'>
