import { RATING_INDICATOR_IDS, RATING_LABELS, RATINGS, STAFF_CHANNELS } from '../domain/appeal/rules'
import { PUBLIC_SUMMARY_MAX } from '../domain/appeal/public-summary'
import { z } from 'zod'
import { APPEAL_CATEGORIES } from '../domain/appeal/categories'
import { ATTACHMENT_LIMITS } from '../domain/attachments'
import { HELP_KIND_IDS, HELP_KINDS } from '../domain/appeal/help'
import { APPEAL_LIST_FILTERS, INBOX_FILTERS } from '../domain/appeal/lists'
import { clientRequestId, day, id, optionalText, page, phone, readsFields, text, version } from './fields'
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
  /** 作风投诉 (吃拿卡要、推诿扯皮): goes to the 督查 office (纪检 where configured), never to the person named. */
  conduct: z.boolean().default(false).meta({ title: '作风投诉' }),
  /** Whom a complaint about staff names; the enterprise's own officer when left out. */
  accusedId: id('被投诉人').optional(),
  /** 敏感诉求匿名交办: the handling department sees it without the enterprise's name. */
  anonymous: z.boolean().default(false).meta({ title: '对承办部门隐去企业名称' }),
})

/** Attachments sent with a later step (补充材料, 补充说明), uploaded beforehand by the caller. */
const attachmentIds = z
  .array(id('附件'))
  .max(ATTACHMENT_LIMITS.maxCount, `最多上传 ${ATTACHMENT_LIMITS.maxCount} 个附件`)
  .refine((ids) => new Set(ids).size === ids.length, '附件重复')
  .default([])
  .meta({ title: '附件' })

/** 代为登记: staff take down a caller's appeal (a phone call, a 12345 工单, a window visit) for the enterprise. */
export const fileForInput = z
  .strictObject({
    clientRequestId: createAppealInput.shape.clientRequestId,
    enterpriseId: id('企业'),
    channel: z.enum(STAFF_CHANNELS, { error: '请选择来源：电话、12345 热线或窗口来访' }).meta({ title: '诉求来源' }),
    /** The 12345 工单 number, kept with the appeal. */
    hotlineTicket: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, '工单编号应为 4 到 40 位字母、数字或短横线')
      .optional()
      .meta({ title: '12345 工单编号' }),
    category: createAppealInput.shape.category,
    title: createAppealInput.shape.title,
    description: createAppealInput.shape.description,
    urgency: createAppealInput.shape.urgency,
    contactName: createAppealInput.shape.contactName,
    contactPhone: createAppealInput.shape.contactPhone,
    anonymous: createAppealInput.shape.anonymous,
  })
  .refine((input) => input.channel !== 'hotline' || input.hotlineTicket !== undefined, {
    message: '12345 热线工单请填写工单编号',
    path: ['hotlineTicket'],
    ...readsFields('channel', 'hotlineTicket'),
  })

export const getAppealInput = z.strictObject({ id: id('诉求') })

export const listMyAppealsInput = z.strictObject({
  filter: z.enum(APPEAL_LIST_FILTERS).default('all').meta({ title: '筛选' }),
  /** A 诉求编号 (found exactly) or words of a title, among the enterprise's own appeals. */
  search: optionalText('搜索', 40),
  ...page,
})

export const inboxInput = z.strictObject({
  filter: z.enum(INBOX_FILTERS).default('open').meta({ title: '筛选' }),
  /** A 诉求编号 (found exactly) or words of a title; a search looks across every filter. */
  search: optionalText('搜索', 40),
  ...page,
})

/** A day in Beijing, YYYY-MM-DD: a close deadline runs to its end. */
const closeBy = day('办结期限')

export const acceptAppealInput = z
  .strictObject({
    id: id('诉求'),
    version,
    /** A complex appeal asks for a later close date, which the head of the department approves. */
    closeBy: closeBy.optional(),
    /** Why it needs longer: shown to the enterprise and to the head who decides. */
    reason: optionalText('延长期限的理由', 500),
    note: z.string().trim().max(500).default('').meta({ title: '受理说明' }),
    /** 公开摘要: one line for the public (Open311 publishes it), without names or numbers of people. */
    publicSummary: text('公开摘要', PUBLIC_SUMMARY_MAX),
  })
  .refine((input) => input.closeBy === undefined || input.reason.length > 0, {
    message: '复杂诉求延长办结期限，请写明理由（企业会看到）',
    path: ['reason'],
    ...readsFields('closeBy', 'reason'),
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
    ...readsFields('helpKind', 'helpAmount'),
  })

const rating = z.enum(RATINGS, { error: `请选择${Object.values(RATING_LABELS).join('、')}` }).meta({ title: '评价' })

export const rateAppealInput = z
  .strictObject({
    id: id('诉求'),
    version,
    rating,
    reason: z.string().trim().max(200).default('').meta({ title: '评价理由' }),
    comment: z.string().trim().max(500).default('').meta({ title: '意见建议' }),
    /** The online indicators the enterprise ticks (办事效率, 便捷度, 指南准确, 平台好用). */
    indicators: z
      .array(z.enum(RATING_INDICATOR_IDS, { error: '没有这项评价指标' }))
      .max(RATING_INDICATOR_IDS.length)
      .refine((ids) => new Set(ids).size === ids.length, '评价指标重复')
      .default([])
      .meta({ title: '评价指标' }),
    /** 解决率: was the problem solved? Left out when the enterprise does not say. */
    solved: z.boolean().optional().meta({ title: '问题是否解决' }),
  })
  // A 差评 sends the appeal to be rectified (整改), so the handler must learn why.
  .refine((input) => !['unsatisfied', 'very_unsatisfied'].includes(input.rating) || input.reason.length > 0, {
    message: '差评（不满意、非常不满意）请写明理由，以便整改',
    path: ['reason'],
    ...readsFields('rating', 'reason'),
  })

export const followUpAppealInput = z.strictObject({
  id: id('诉求'),
  version,
  /** What the enterprise said on the call. */
  note: text('回访情况', 500),
  reachable: z.boolean().default(true).meta({ title: '是否联系上企业' }),
  /** What the enterprise said on the call: is its problem solved? */
  solved: z.boolean().optional().meta({ title: '问题是否解决' }),
})

export const requestInfoInput = z.strictObject({ id: id('诉求'), version, request: text('需要补充的材料或信息', 500) })

export const confirmInfoRequestInput = z.strictObject({ id: id('诉求'), version })

export const supplyInfoInput = z.strictObject({ id: id('诉求'), version, note: text('补充内容', 1000), attachmentIds })

export const cancelInfoRequestInput = z.strictObject({ id: id('诉求'), version, note: optionalText('说明', 300) })

export const addInfoInput = z.strictObject({ id: id('诉求'), version, note: text('补充说明', 1000), attachmentIds })

export const withdrawAppealInput = z.strictObject({ id: id('诉求'), version, reason: text('撤回理由', 300) })

export const objectReturnInput = z.strictObject({ id: id('诉求'), version, reason: text('异议理由', 500) })

export const reviewReturnInput = z.strictObject({
  id: id('诉求'),
  version,
  uphold: z.boolean({ error: '请选择维持不予受理或退回重办' }).meta({ title: '审核结论' }),
  note: text('审核意见', 500),
})

export const contestRatingInput = z.strictObject({ id: id('诉求'), version, reason: text('申诉理由', 500) })

export const ruleContestInput = z.strictObject({
  id: id('诉求'),
  version,
  upheld: z.boolean({ error: '请选择申诉成立或不成立' }).meta({ title: '复核结论' }),
  note: text('复核意见', 500),
})

export const spotCheckInput = z
  .strictObject({
    id: id('诉求'),
    version,
    reachable: z.boolean().default(true).meta({ title: '是否联系上企业' }),
    /** 'pressured': the enterprise says it did not rate freely; `rating` is what it says now. */
    verdict: z.enum(['confirmed', 'pressured'], { error: '请选择评价属实或评价不实' }).meta({ title: '回访结论' }),
    rating: rating.optional(),
    note: text('回访情况', 500),
  })
  .refine((input) => input.verdict !== 'pressured' || input.rating !== undefined, {
    message: '评价不实时，请记录企业现在的评价',
    path: ['rating'],
    ...readsFields('verdict', 'rating'),
  })
  .refine((input) => input.reachable || input.verdict === 'confirmed', {
    message: '未联系上企业时不能认定评价不实',
    path: ['verdict'],
    ...readsFields('reachable', 'verdict'),
  })

export const escalateAppealInput = z.strictObject({
  id: id('诉求'),
  version,
  office: text('县级部门', 40),
  question: text('上报事项', 1000),
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
  /** 诉求编号, e.g. 2026-11-0042: what people read out and search by. */
  number: string
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

/** How the clock of an appeal paused (待补充) so far. */
export interface AppealPauseView {
  /** Since when it stands still, while it does. */
  pausedAt: number | null
  count: number
  totalMs: number
}

/** 上报 to a county office, and its answer when it came. */
export interface EscalationView {
  id: string
  office: string
  question: string
  askedAt: number
  expiresAt: number
  /** The signed link to send the county office: for the staff who may escalate, while unanswered and valid. */
  link: string | null
  answer: string | null
  answeredAt: number | null
  answeredBy: string | null
}

/** The latest rating and what became of it. */
export interface AppealRatingView {
  rating: string
  label: string
  /** 差评 (不满意, 非常不满意). */
  bad: boolean
  /** Set aside by the 督查 office after the handler's contest: counted nowhere. */
  voided: boolean
  /** The handler's contest (申诉复核): pending, upheld, dismissed. */
  contest: string | null
  /** Whether the enterprise says its problem was solved. */
  solved: boolean | null
  /** 抽查回访 (staff see it): picked for a call, when it was made, what it found. */
  spotCheck: { picked: boolean; checkedAt: number | null; result: string | null } | null
}

export interface AppealDetail extends AppealSummary {
  /** Where it came from (企业提交, 12345 热线工单 …), and the 工单 number when there is one. */
  source: string
  sourceLabel: string
  hotlineTicket: string | null
  /** 公开摘要, for staff; null for the enterprise (it is what the public reads, not its own words). */
  publicSummary: string | null
  /** A complaint about staff (作风投诉), held by the 督查 office. */
  conduct: boolean
  /** The enterprise's name is withheld from the handling department (敏感诉求匿名交办). */
  anonymous: boolean
  /** 待补充: what the handler asked for, while the enterprise has not answered. */
  infoRequest: string | null
  pause: AppealPauseView
  rating: AppealRatingView | null
  /** 不予受理 and its review: pending, upheld, overturned (unreviewed: from before reviews); whether the enterprise objected. */
  returnReview: { outcome: string; objected: boolean } | null
  /** 整改 after a 差评: when it is due, when it was done. */
  rectification: { dueAt: number; doneAt: number | null } | null
  escalations: EscalationView[]
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
  'appeal.fileFor': {
    summary: '工作人员代为登记诉求（来电、12345 热线工单、窗口来访），并告知企业',
    access: STAFF,
    input: fileForInput,
    output: returns<AppealDetail>(),
  },
  'appeal.accept': {
    summary: '受理诉求，写明公开摘要（复杂诉求申请延长办结期限，由部门负责人审批）',
    access: HANDLERS,
    input: acceptAppealInput,
    output: returns<AppealDetail>(),
  },
  'appeal.return': {
    summary: '不予受理，说明理由和办理渠道（交督查办审核）',
    access: HANDLERS,
    input: returnAppealInput,
    output: returns<AppealDetail>(),
  },
  'appeal.objectReturn': {
    summary: '企业对不予受理提出异议（一次），交督查办审核',
    access: ['owner'],
    input: objectReturnInput,
    output: returns<AppealDetail>(),
  },
  'appeal.reviewReturn': {
    summary: '督查办审核不予受理：维持，或退回部门办理',
    access: ['admin'],
    input: reviewReturnInput,
    output: returns<AppealDetail>(),
  },
  'appeal.requestInfo': {
    summary: '承办人要求企业补充材料或信息（企业确认后暂停计时）',
    access: HANDLERS,
    input: requestInfoInput,
    output: returns<AppealDetail>(),
  },
  'appeal.confirmInfoRequest': {
    summary: '企业确认需要补充材料，暂停计时',
    access: ['owner'],
    input: confirmInfoRequestInput,
    output: returns<AppealDetail>(),
  },
  'appeal.supplyInfo': {
    summary: '企业补充材料或信息，恢复计时',
    access: ['owner'],
    input: supplyInfoInput,
    output: returns<AppealDetail>(),
  },
  'appeal.cancelInfoRequest': {
    summary: '承办人撤回补充要求，恢复计时',
    access: HANDLERS,
    input: cancelInfoRequestInput,
    output: returns<AppealDetail>(),
  },
  'appeal.addInfo': {
    summary: '企业对办理中的诉求补充说明',
    access: ['owner'],
    input: addInfoInput,
    output: returns<AppealDetail>(),
  },
  'appeal.withdraw': { summary: '企业撤回诉求，写明理由', access: ['owner'], input: withdrawAppealInput, output: returns<AppealDetail>() },
  'appeal.progress': { summary: '添加办理进展', access: HANDLERS, input: progressAppealInput, output: returns<AppealDetail>() },
  'appeal.resolve': { summary: '办结诉求，写明办理结果', access: HANDLERS, input: resolveAppealInput, output: returns<AppealDetail>() },
  'appeal.rate': {
    summary: '提出诉求的人评价办理结果（五级好差评）；差评则限期整改',
    access: ['owner'],
    input: rateAppealInput,
    output: returns<AppealDetail>(),
  },
  'appeal.contestRating': {
    summary: '承办人对不实差评申诉复核',
    access: HANDLERS,
    input: contestRatingInput,
    output: returns<AppealDetail>(),
  },
  'appeal.ruleContest': {
    summary: '督查办复核差评申诉：成立则差评不计，不成立则差评有效',
    access: ['admin'],
    input: ruleContestInput,
    output: returns<AppealDetail>(),
  },
  'appeal.spotCheck': {
    summary: '督查办对好评抽查回访，发现评价不实则按企业实际评价处理',
    access: ['admin'],
    input: spotCheckInput,
    output: returns<AppealDetail>(),
  },
  'appeal.escalate': {
    summary: '上报县级部门：生成带签名、有期限的答复链接，镇里继续计时和办理',
    access: HANDLERS,
    input: escalateAppealInput,
    output: returns<AppealDetail>(),
  },
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
    summary: '部门负责人同意或不同意延期申请（督查办自办的作风投诉由督查办审批）',
    access: ['dept_head', 'admin'],
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
