import { z } from 'zod'
import { APPEAL_CATEGORIES } from '../domain/appeal/categories'
import { ATTACHMENT_LIMITS } from '../domain/attachments'
import { HELP_KIND_IDS, HELP_KINDS } from '../domain/appeal/help'
import { APPEAL_LIST_FILTERS, INBOX_FILTERS } from '../domain/appeal/lists'
import { id, page, text } from './fields'

const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '请填写 11 位手机号或带区号的固定电话')
  .meta({ title: '联系电话' })

export const createAppealInput = z.strictObject({
  /** Made by the client once per draft: a retried submit carries the same one. */
  clientRequestId: z.string().trim().regex(/^[A-Za-z0-9-]{8,64}$/, '请求编号格式不正确').meta({ title: '请求编号' }),
  category: z.enum(APPEAL_CATEGORIES, { error: '请选择诉求类别' }).meta({ title: '诉求类别' }),
  title: text('诉求标题', 40),
  description: text('诉求内容', 1000).pipe(z.string().min(10, '诉求内容请至少写 10 个字，说清楚遇到了什么问题')),
  urgency: z.enum(['normal', 'urgent']).default('normal').meta({ title: '紧急程度' }),
  contactName: text('联系人', 20),
  contactPhone: phone,
  /** Uploads (附件) made by the caller beforehand, in the order they are shown. */
  attachmentIds: z
    .array(id('附件'))
    .max(ATTACHMENT_LIMITS.maxCount, `最多上传 ${ATTACHMENT_LIMITS.maxCount} 个附件`)
    .refine((ids) => new Set(ids).size === ids.length, '附件重复')
    .default([])
    .meta({ title: '附件' }),
  /** 我要咨询 / 我要申请 from a policy's page: the policy asked about. */
  policyId: id('相关政策').optional(),
  /** 请帮我办 from the 帮办代办 catalogue: the item to be done for the owner. */
  serviceItemId: id('帮办事项').optional(),
  /** 现场诉求 from an exhibition's landing page: the appeal's source is the exhibition. */
  exhibitionId: id('展会').optional(),
})

export const getAppealInput = z.strictObject({ id: id('诉求') })

export const listMyAppealsInput = z.strictObject({
  filter: z.enum(APPEAL_LIST_FILTERS).default('all').meta({ title: '筛选' }),
  ...page,
})

export const inboxInput = z.strictObject({
  filter: z.enum(INBOX_FILTERS).default('open').meta({ title: '筛选' }),
  ...page,
})

const version = z.number().int().min(0).meta({ title: '版本号' })

/** A day in Beijing, YYYY-MM-DD: a close deadline runs to its end. */
const closeBy = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').meta({ title: '办结期限' })

export const acceptAppealInput = z.strictObject({
  id: id('诉求'),
  version,
  /** Complex appeals get their close deadline set when accepted. */
  closeBy: closeBy.optional(),
  note: z.string().trim().max(500).default('').meta({ title: '受理说明' }),
})

export const returnAppealInput = z.strictObject({
  id: id('诉求'),
  version,
  reason: text('不予受理的理由', 500),
  redirectTo: text('建议办理渠道', 200),
})

export const progressAppealInput = z.strictObject({ id: id('诉求'), version, note: text('办理进展', 1000) })

export const resolveAppealInput = z
  .strictObject({
    id: id('诉求'),
    version,
    outcome: text('办理结果', 1000),
    helpKind: z.enum(HELP_KIND_IDS).optional().meta({ title: '帮扶类型' }),
    /** Yuan for money, people for recruitment. */
    helpAmount: z.number().int().min(0).max(1e12).optional().meta({ title: '帮扶金额或人数' }),
  })
  .refine((input) => input.helpAmount === undefined || (input.helpKind !== undefined && HELP_KINDS[input.helpKind].measure !== 'none'), {
    message: '只有贷款、退税、补贴（金额）和用工招录（人数）需要填写数量',
    path: ['helpAmount'],
  })

export const rateAppealInput = z
  .strictObject({
    id: id('诉求'),
    version,
    rating: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied'], { error: '请选择满意、基本满意或不满意' }).meta({ title: '评价' }),
    reason: z.string().trim().max(200).default('').meta({ title: '评价理由' }),
    comment: z.string().trim().max(500).default('').meta({ title: '意见建议' }),
  })
  // 不满意 sends the appeal back for rework, so the handler must learn why.
  .refine((input) => input.rating !== 'unsatisfied' || input.reason.length > 0, {
    message: '选择不满意时请写明理由，以便重新办理',
    path: ['reason'],
  })

export const followUpAppealInput = z.strictObject({
  id: id('诉求'),
  version,
  /** What the enterprise said on the call. */
  note: text('回访情况', 500),
  reachable: z.boolean().default(true).meta({ title: '是否联系上企业' }),
})

export const assignAppealInput = z.strictObject({
  id: id('诉求'),
  version,
  officerId: id('承办人'),
  note: z.string().trim().max(500).default('').meta({ title: '交办说明' }),
})

export const transferAppealInput = z.strictObject({
  id: id('诉求'),
  version,
  departmentId: id('转办部门'),
  reason: text('转办理由', 500),
})

export const requestExtensionInput = z.strictObject({ id: id('诉求'), version, closeBy, reason: text('延期理由', 500) })

export const decideExtensionInput = z.strictObject({
  id: id('诉求'),
  version,
  approve: z.boolean({ error: '请选择同意或不同意' }).meta({ title: '审批意见' }),
  note: z.string().trim().max(500).default('').meta({ title: '审批说明' }),
})

export const disputeAppealInput = z.strictObject({ id: id('诉求'), version, reason: text('异议理由', 500) })

export const redispatchAppealInput = z.strictObject({
  id: id('诉求'),
  version,
  departmentId: id('改派部门'),
  /** Left out, the department's head assigns it. */
  officerId: id('承办人').optional(),
  note: z.string().trim().max(500).default('').meta({ title: '改派说明' }),
})

export const similarAppealsInput = z.strictObject({ id: id('诉求') })

export const linkAppealsInput = z.strictObject({
  id: id('诉求'),
  version,
  memberIds: z.array(id('并案诉求')).min(1, '请选择要并案办理的诉求').max(20, '一次最多并案 20 条').meta({ title: '并案诉求' }),
})

export const mergeAppealInput = z.strictObject({ id: id('诉求'), version, intoId: id('并入的诉求') })

export const superviseAppealInput = z.strictObject({ id: id('诉求'), version, note: text('督办要求', 300) })

export const sweepInput = z.strictObject({})
