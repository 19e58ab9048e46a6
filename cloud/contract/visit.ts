import { z } from 'zod'
import { APPEAL_CATEGORIES } from '../domain/appeal/categories'
import { HALVES } from '../domain/visit/calendar'
import { id, page, text } from './fields'

/** A Beijing calendar day that exists (2026-02-30 does not). */
export const day = (title: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${title}格式应为 YYYY-MM-DD`)
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`)
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
    }, `${title}不是有效的日期`)
    .meta({ title })

const half = z.enum(HALVES, { error: '请选择上午或下午' }).meta({ title: '时段' })
const version = z.number().int().min(0).meta({ title: '版本号' })
const visitId = id('走访')
const optionalText = (title: string, max: number) => z.string().trim().max(max, `${title}不能超过 ${max} 个字`).default('').meta({ title })

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
  clientRequestId: z.string().trim().regex(/^[A-Za-z0-9-]{8,64}$/, '请求编号格式不正确').meta({ title: '请求编号' }),
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
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{6,32}$/, '企业码无法识别，请扫描企业“我的”页面上的走访码').meta({ title: '企业码' }),
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
  .refine((input) => (input.id === undefined) !== (input.enterpriseId === undefined), { message: '请指明记录哪一次走访，或主动走访的企业', path: ['enterpriseId'] })
  .refine((input) => input.id === undefined || input.version !== undefined, { message: '请提供版本号', path: ['version'] })

export const VISIT_LIST_SCOPES = ['upcoming', 'past', 'all'] as const
export const listVisitsInput = z.strictObject({ scope: z.enum(VISIT_LIST_SCOPES).default('upcoming').meta({ title: '范围' }), ...page })

export const getVisitInput = z.strictObject({ id: visitId })

export const complianceInput = z.strictObject({
  /** The day whose week, month and quarter are looked at; today if not given. */
  at: day('日期').optional(),
})

export const enterpriseFileInput = z.strictObject({
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

export const saveMilestoneInput = z.strictObject({
  enterpriseId: id('企业'),
  /** Absent for a new milestone. */
  id: id('节点').optional(),
  title: text('节点内容', 60),
  dueOn: day('完成期限'),
})

export const completeMilestoneInput = z.strictObject({ id: id('节点'), note: optionalText('完成情况', 200) })
