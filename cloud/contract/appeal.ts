import { RATING_LABELS, RATINGS } from '../domain/appeal/rules'
import { z } from 'zod'
import { APPEAL_CATEGORIES } from '../domain/appeal/categories'
import { ATTACHMENT_LIMITS } from '../domain/attachments'
import { HELP_KIND_IDS, HELP_KINDS } from '../domain/appeal/help'
import { APPEAL_LIST_FILTERS, INBOX_FILTERS } from '../domain/appeal/lists'
import { clientRequestId, day, id, page, phone, text, version } from './fields'
import { type Page, type PersonContact } from './common'
import { type Area, BOUND, HANDLERS, STAFF, returns } from './spec'
import { type UploadView } from './upload'

export const createAppealInput = z.strictObject({
  /** Made by the client once per draft: a retried submit carries the same one. */
  clientRequestId,
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

/** A day in Beijing, YYYY-MM-DD: a close deadline runs to its end. */
const closeBy = day('办结期限')

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
    rating: z.enum(RATINGS, { error: `请选择${Object.values(RATING_LABELS).join('、')}` }).meta({ title: '评价' }),
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

/** An appeal in a list: enough to see where it stands and how much time is left. */
export interface AppealSummary {
  id: string
  title: string
  category: string
  urgency: 'normal' | 'urgent'
  state: string
  stateLabel: string
  enterpriseName: string
  handlerName: string | null
  submittedAt: number
  /** The deadline that matters now (to accept, or to close), or null when none runs. */
  dueAt: number | null
  dueLabel: string | null
  overdue: boolean
  version: number
}

export interface AppealEventView {
  seq: number
  action: string
  actionLabel: string
  actorName: string
  actorRoleLabel: string
  toState: string
  toStateLabel: string
  note: string
  at: number
}

export interface AppealDetail extends AppealSummary {
  description: string
  contactName: string
  contactPhone: string
  department: { id: string; name: string } | null
  /** Who holds it and how to reach them. */
  handler: PersonContact | null
  acceptDueAt: number
  closeDueAt: number
  /** The close date asked for in a pending extension (申请延期), until the head decides. */
  requestedDueAt: number | null
  /** The help delivered, as a person reads it (e.g. 新增贷款 200 万元), once resolved. */
  help: string | null
  /** The policy it asks about, or null. */
  policy: { id: string; title: string } | null
  /** The 帮办代办 item it asks to have done, or null. */
  serviceItem: { id: string; name: string } | null
  /** The group it is handled in (并案办理), or null. */
  group: AppealGroupView | null
  /** The earlier appeal a duplicate was merged into (并单), or null. */
  mergedInto: { id: string; title: string } | null
  /** Photos and documents the owner attached, in their order. */
  attachments: UploadView[]
  timeline: AppealEventView[]
  /** The actions the caller may take now, so the page shows only those buttons. */
  allowedMoves: string[]
}

/** An open appeal like the one being looked at (问题汇聚), and why. */
export interface AlikeAppeal extends AppealSummary {
  /** How alike, 0–100. */
  score: number
  sameEnterprise: boolean
  samePark: boolean
  /** Already in this appeal's group. */
  inGroup: boolean
  /** Filed before this one by the same enterprise: what a duplicate is merged into (并单). */
  mergeTarget: boolean
}

/** A group of alike appeals handled as one: its lead and every member, with where each stands. */
export interface AppealGroupView {
  leadId: string
  members: { id: string; title: string; enterpriseName: string; state: string; stateLabel: string }[]
}

export interface InboxResult extends Page<AppealSummary> {
  counts: { open: number; overdue: number; awaitingAcceptance: number; awaitingDecision: number; done: number }
}

export interface SweepSummary {
  checked: number
  stepped: number
  closed: number
  visits: { reminded: number; behind: number }
}

/** 企业诉求 */
export const appealActions = {
  'appeal.create': {
    summary: '企业提交诉求（同一请求编号重复提交只生成一条）',
    access: ['owner'],
    input: createAppealInput,
    output: returns<AppealDetail>(),
  },
  'appeal.get': { summary: '诉求详情、办理过程和当前可做的操作', access: BOUND, input: getAppealInput, output: returns<AppealDetail>() },
  'appeal.listMine': { summary: '本企业的诉求列表', access: ['owner'], input: listMyAppealsInput, output: returns<Page<AppealSummary>>() },
  'appeal.inbox': {
    summary: '工作人员的诉求收件箱，按期限排序，附各类数量',
    access: STAFF,
    input: inboxInput,
    output: returns<InboxResult>(),
  },
  'appeal.accept': {
    summary: '受理诉求（复杂诉求同时设定办结期限）',
    access: HANDLERS,
    input: acceptAppealInput,
    output: returns<AppealDetail>(),
  },
  'appeal.return': { summary: '不予受理，说明理由和办理渠道', access: HANDLERS, input: returnAppealInput, output: returns<AppealDetail>() },
  'appeal.progress': { summary: '添加办理进展', access: HANDLERS, input: progressAppealInput, output: returns<AppealDetail>() },
  'appeal.resolve': { summary: '办结诉求，写明办理结果', access: HANDLERS, input: resolveAppealInput, output: returns<AppealDetail>() },
  'appeal.rate': { summary: '企业评价办理结果；不满意则重办', access: ['owner'], input: rateAppealInput, output: returns<AppealDetail>() },
  'appeal.assign': {
    summary: '部门负责人交办给本部门的特派员',
    access: ['dept_head'],
    input: assignAppealInput,
    output: returns<AppealDetail>(),
  },
  'appeal.transfer': {
    summary: '承办人转办到应当办理的部门，写明理由',
    access: HANDLERS,
    input: transferAppealInput,
    output: returns<AppealDetail>(),
  },
  'appeal.requestExtension': {
    summary: '承办人申请延期，写明新的办结期限和理由',
    access: HANDLERS,
    input: requestExtensionInput,
    output: returns<AppealDetail>(),
  },
  'appeal.decideExtension': {
    summary: '部门负责人同意或不同意延期申请',
    access: ['dept_head'],
    input: decideExtensionInput,
    output: returns<AppealDetail>(),
  },
  'appeal.dispute': {
    summary: '派单异议：所派诉求不属本部门职责，说明理由',
    access: HANDLERS,
    input: disputeAppealInput,
    output: returns<AppealDetail>(),
  },
  'appeal.redispatch': {
    summary: '领导或管理员处理派单异议，改派到应办部门',
    access: ['leader', 'admin'],
    input: redispatchAppealInput,
    output: returns<AppealDetail>(),
  },
  'appeal.similar': {
    summary: '与这条诉求相似的未办结诉求（问题汇聚、并单时选择）',
    access: STAFF,
    input: similarAppealsInput,
    output: returns<AlikeAppeal[]>(),
  },
  'appeal.link': {
    summary: '把相似诉求并案办理，由主诉求承办人一并办结',
    access: HANDLERS,
    input: linkAppealsInput,
    output: returns<AppealDetail>(),
  },
  'appeal.merge': {
    summary: '把同一企业的重复诉求并入先提交的那条（并单）',
    access: HANDLERS,
    input: mergeAppealInput,
    output: returns<AppealDetail>(),
  },
  'appeal.supervise': {
    summary: '领导督办：写明要求，通知承办人和部门负责人',
    access: ['leader', 'admin'],
    input: superviseAppealInput,
    output: returns<AppealDetail>(),
  },
  'appeal.followUp': {
    summary: '记录回访（由承办人以外的工作人员进行）',
    access: STAFF,
    input: followUpAppealInput,
    output: returns<AppealDetail>(),
  },
  'appeal.sweep': {
    summary: '立即运行督办扫描：临期提醒、超期督办、上报领导',
    access: ['leader', 'admin'],
    input: sweepInput,
    output: returns<SweepSummary>(),
  },
} satisfies Area<'appeal'>
