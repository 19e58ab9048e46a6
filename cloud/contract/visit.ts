import { z } from 'zod'
import { APPEAL_CATEGORIES } from '../domain/appeal/categories'
import { HALVES } from '../domain/visit/calendar'
import { clientRequestId, day, id, optionalText, page, text, version } from './fields'
import { type Role } from '../domain/roles'
import { type VisitMove, type VisitState } from '../domain/visit/rules'
import { type Page, type PersonContact } from './common'
import { type Area, BOUND, OWNER_OR_VISITOR, STAFF, VISITORS, returns } from './spec'

const half = z.enum(HALVES, { error: '请选择上午或下午' }).meta({ title: '时段' })
const visitId = id('走访')

/** For an owner: the people who visit their enterprise and their open half-days; for staff: their own. */
export const visitSlotsInput = z.strictObject({})

export const setAvailabilityInput = z.strictObject({
  /** Any day of the ISO week being set: the week's open half-days are replaced by `slots`. */
  weekOf: day('周'),
  slots: z
    .array(z.strictObject({ day: day('日期'), half }))
    .max(14, '一周最多 14 个半天')
    .meta({ title: '可预约时段' }),
})

export const bookVisitInput = z.strictObject({
  /** Made once per booking form: a retried submit finds the first booking. */
  clientRequestId,
  hostId: id('走访人'),
  day: day('日期'),
  half,
  topic: text('走访事由', 200),
  /** The appeal the visit is about, if any: it must be the owner's own. */
  appealId: id('相关诉求').optional(),
})

export const visitVersionInput = z.strictObject({ id: visitId, version })

export const rescheduleVisitInput = z.strictObject({ id: visitId, version, day: day('日期'), half, note: optionalText('改约说明', 200) })

export const declineVisitInput = z.strictObject({ id: visitId, version, reason: text('婉拒理由', 200) })

export const cancelVisitInput = z.strictObject({ id: visitId, version, reason: optionalText('取消原因', 200) })

export const checkInInput = z.strictObject({
  /** What the enterprise's QR code carries. */
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{6,32}$/, '企业码无法识别，请扫描企业“我的”页面上的走访码')
    .meta({ title: '企业码' }),
  /** Only when the officer allows location. */
  lat: z.number().min(-90).max(90).optional().meta({ title: '纬度' }),
  lng: z.number().min(-180).max(180).optional().meta({ title: '经度' }),
})

const problem = z.strictObject({
  category: z.enum(APPEAL_CATEGORIES, { error: '请选择问题类别' }).meta({ title: '问题类别' }),
  title: text('问题标题', 40),
  description: text('问题描述', 1000).pipe(z.string().min(10, '问题描述请至少写 10 个字')),
})

export const recordVisitInput = z
  .strictObject({
    clientRequestId,
    /** The booked or checked-in visit being recorded; without it, a proactive visit to `enterpriseId`. */
    id: visitId.optional(),
    version: version.optional(),
    enterpriseId: id('企业').optional(),
    /** When the visit took place (epoch ms); now if not given. Never in the future. */
    visitedAt: z.number().int().min(0).optional().meta({ title: '走访时间' }),
    topic: optionalText('走访事由', 200),
    participants: text('参加人员', 200),
    situation: z
      .strictObject({
        production: optionalText('生产情况', 500),
        employment: optionalText('用工情况', 500),
        funding: optionalText('资金情况', 500),
        project: optionalText('项目情况', 500),
      })
      .meta({ title: '企业情况' }),
    asks: optionalText('企业诉求与建议', 1000),
    internalNote: optionalText('内部备注', 500),
    /** Problems found: each is filed as an appeal on the enterprise's behalf, marked as from this visit. */
    problems: z.array(problem).max(10, '一次最多转 10 个问题').default([]).meta({ title: '发现的问题' }),
  })
  .refine((input) => (input.id === undefined) !== (input.enterpriseId === undefined), {
    message: '请指明记录哪一次走访，或主动走访的企业',
    path: ['enterpriseId'],
  })
  .refine((input) => input.id === undefined || input.version !== undefined, { message: '请提供版本号', path: ['version'] })

export const VISIT_LIST_SCOPES = ['upcoming', 'past', 'all'] as const
export const listVisitsInput = z.strictObject({ scope: z.enum(VISIT_LIST_SCOPES).default('upcoming').meta({ title: '范围' }), ...page })

export const getVisitInput = z.strictObject({ id: visitId })

export const complianceInput = z.strictObject({
  /** The day whose week, month and quarter are looked at; today if not given. */
  at: day('日期').optional(),
})

/** A half-day a person has opened for visits; `free` is false once somebody holds it. */
export interface VisitSlot {
  day: string
  half: 'am' | 'pm'
  label: string
  free: boolean
}

/** Someone who visits an enterprise, with the half-days an owner can book. */
export interface VisitHost extends PersonContact {
  role: Role
  roleLabel: string
  /** visit (走访) with the officer or head; meeting (座谈) with the leader. */
  kind: 'visit' | 'meeting'
  kindLabel: string
  slots: VisitSlot[]
}

export interface VisitSlots {
  /** For an owner: their officer, department head and leader. For staff: themselves. */
  hosts: VisitHost[]
}

export interface VisitRecordView {
  participants: string
  situation: { production: string; employment: string; funding: string; project: string }
  asks: string
  /** Appeals filed from the problems found on this visit. */
  appeals: { id: string; title: string }[]
}

export interface VisitView {
  id: string
  enterprise: { id: string; name: string }
  host: PersonContact & { role: Role; roleLabel: string }
  kind: 'visit' | 'meeting'
  kindLabel: string
  origin: 'booked' | 'proactive'
  topic: string
  appeal: { id: string; title: string } | null
  day: string
  half: 'am' | 'pm'
  slotLabel: string
  state: VisitState
  stateLabel: string
  /** The latest reason given for declining, moving or cancelling. */
  note: string
  checkedInAt: number | null
  ownerConfirmedAt: number | null
  /** Checked in on site or vouched for by the owner: only proven visits count. */
  proven: boolean
  visitedAt: number | null
  record: VisitRecordView | null
  /** Staff only. */
  internalNote: string | null
  /** For staff: whom to call at the enterprise (who booked, or its owner). */
  enterpriseContact: PersonContact | null
  version: number
  moves: VisitMove[]
}

export interface ComplianceRow {
  person: PersonContact & { role: Role; roleLabel: string }
  /** 本周, 本月 or 本季度. */
  periodLabel: string
  covered: number
  visited: number
  behind: { id: string; name: string }[]
}

export interface CoveredEnterprise {
  id: string
  name: string
  park: string
  lastVisitAt: number | null
  /** This period's visit is made (and proven). */
  done: boolean
}

export interface VisitCompliance {
  periods: { week: string; month: string; quarter: string }
  /** Everyone the caller may see, those behind first. */
  people: ComplianceRow[]
  /** Enterprises nobody has visited this month (the caller's scope). */
  unvisited: { id: string; name: string }[]
  /** The caller's own row and enterprises, when the caller visits. */
  self: ComplianceRow | null
  mine: CoveredEnterprise[]
}

/** 走访 */
export const visitActions = {
  'visit.slots': {
    summary: '可预约的走访时段：企业看本企业的特派员、部门负责人和包抓领导，工作人员看自己的',
    access: OWNER_OR_VISITOR,
    input: visitSlotsInput,
    output: returns<VisitSlots>(),
  },
  'visit.setAvailability': {
    summary: '设置一周内可预约走访的半天',
    access: VISITORS,
    input: setAvailabilityInput,
    output: returns<VisitSlots>(),
  },
  'visit.book': {
    summary: '企业预约走访或与包抓领导座谈（同一时段只能被预约一次）',
    access: ['owner'],
    input: bookVisitInput,
    output: returns<VisitView>(),
  },
  'visit.confirm': {
    summary: '确认走访时间（走访人确认预约，或企业确认改约的新时间）',
    access: OWNER_OR_VISITOR,
    input: visitVersionInput,
    output: returns<VisitView>(),
  },
  'visit.reschedule': {
    summary: '改约走访时间，由另一方确认',
    access: OWNER_OR_VISITOR,
    input: rescheduleVisitInput,
    output: returns<VisitView>(),
  },
  'visit.decline': { summary: '走访人婉拒预约，写明理由', access: VISITORS, input: declineVisitInput, output: returns<VisitView>() },
  'visit.cancel': { summary: '企业取消走访预约', access: ['owner'], input: cancelVisitInput, output: returns<VisitView>() },
  'visit.checkIn': { summary: '走访人在企业现场扫企业走访码签到', access: VISITORS, input: checkInInput, output: returns<VisitView>() },
  'visit.record': {
    summary: '填写走访记录；发现的问题一键转为诉求（来源：走访）',
    access: VISITORS,
    input: recordVisitInput,
    output: returns<VisitView>(),
  },
  'visit.attest': { summary: '企业确认走访确已进行', access: ['owner'], input: visitVersionInput, output: returns<VisitView>() },
  'visit.listMine': {
    summary: '本企业的走访，或我的走访安排',
    access: OWNER_OR_VISITOR,
    input: listVisitsInput,
    output: returns<Page<VisitView>>(),
  },
  'visit.get': { summary: '一次走访的详情和记录', access: BOUND, input: getVisitInput, output: returns<VisitView>() },
  'visit.compliance': {
    summary: '走访达标：本周、本月、本季度各人应走访和已走访的企业，以及无人走访的企业',
    access: STAFF,
    input: complianceInput,
    output: returns<VisitCompliance>(),
  },
} satisfies Area<'visit'>
