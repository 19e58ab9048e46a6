import { z } from 'zod'
import { APPEAL_CATEGORIES } from '../domain/appeal/categories'
import { missingSections, POLICY_CATEGORIES } from '../domain/policy'
import { ENTERPRISE_KINDS, ENTERPRISE_TAGS } from '../domain/policy-match'
import { clientRequestId, day, empty, id, optionalText, page, readsFields, text } from './fields'
import { type Page } from './common'
import { type Area, EVERYONE_SIGNED_IN, STAFF, returns } from './spec'

export const listPoliciesInput = z.strictObject({
  category: z.enum(POLICY_CATEGORIES).optional().meta({ title: '政策类别' }),
  keyword: z.string().trim().max(40, '搜索词不能超过 40 个字').optional().meta({ title: '搜索词' }),
  /** 最新发布 (newest first) or 即将截止 (in force, ending within 60 days, soonest first). */
  sort: z.enum(['latest', 'expiring']).default('latest').meta({ title: '排序' }),
  ...page,
})

/** What an owner has typed into the appeal form so far, and the category chosen, if any. */
export const suggestPoliciesInput = z.strictObject({
  text: z.string().trim().max(1100, '内容过长').meta({ title: '诉求内容' }),
  category: z.enum(APPEAL_CATEGORIES).optional().meta({ title: '诉求类别' }),
})

export const getPolicyInput = z.strictObject({ id: id('政策') })

export const favouritePolicyInput = z.strictObject({ id: id('政策'), on: z.boolean().meta({ title: '是否收藏' }) })

export const policyReachInput = z.strictObject({ id: id('政策') })

export const adminPoliciesInput = z.strictObject({
  status: z.enum(['draft', 'published', 'withdrawn']).optional().meta({ title: '状态' }),
  ...page,
})

const words = (title: string, allowed?: readonly string[]) =>
  z
    .array(allowed ? z.enum(allowed as [string, ...string[]]) : z.string().trim().min(1).max(20))
    .max(20)
    .default([])
    .meta({ title })

const docNo = z.string().trim().max(60, '文号不能超过 60 个字').optional().meta({ title: '文号' })
const audience = {
  industries: words('适用行业'),
  kinds: words('企业类型', ENTERPRISE_KINDS),
  enterpriseTags: words('资质要求', ENTERPRISE_TAGS),
  tags: words('标签'),
}
const datesInOrder = (p: { effectiveFrom?: string; expiresAt?: string }) =>
  !p.expiresAt || !p.effectiveFrom || p.expiresAt >= p.effectiveFrom
const DATES_IN_ORDER = { message: '截止日期不能早于施行日期', path: ['expiresAt'], ...readsFields('effectiveFrom', 'expiresAt') }

/**
 * What a policy must have before it goes out (or, once out, whenever it is changed): every field
 * readers and the matching use, and an explainer body with the sections every explainer has. The
 * server checks the stored policy with it on 发布; the editor checks the form with it first.
 */
export const publishablePolicy = z
  .object({
    title: text('标题', 60),
    issuer: text('发文单位', 60),
    docNo,
    category: z.enum(POLICY_CATEGORIES, { error: '请选择政策类别' }).meta({ title: '政策类别' }),
    effectiveFrom: day('施行日期'),
    expiresAt: day('截止日期').optional(),
    summary: text('一句话看懂', 80),
    ...audience,
    body: text('解读正文', 20_000)
      .superRefine((body, ctx) => {
        const missing = missingSections(body)
        if (missing.length) ctx.addIssue({ code: 'custom', message: `解读正文缺少小节 ${missing.map((m) => `“## ${m}”`).join('、')}` })
      })
      .meta({ title: '解读正文' }),
  })
  .refine(datesInOrder, DATES_IN_ORDER)

/**
 * A policy as an admin writes it in the app: the same fields as a Markdown file under
 * seeds/policies/, the explainer body with its ## sections. Without an id it is a new draft. A draft
 * may be half-written (it needs only a title); a published policy is saved only whole
 * (publishablePolicy), which the handler checks.
 */
export const savePolicyInput = z
  .strictObject({
    /** A new draft is made once per form, however often it is saved. */
    clientRequestId,
    id: z
      .string()
      .regex(/^pol-[a-z0-9-]+$/, 'id 应以 pol- 开头，只含小写字母、数字和连字符')
      .optional()
      .meta({ title: '政策编号' }),
    title: text('标题', 60),
    issuer: optionalText('发文单位', 60),
    docNo,
    category: z.enum(POLICY_CATEGORIES, { error: '请选择政策类别' }).optional().meta({ title: '政策类别' }),
    effectiveFrom: day('施行日期').optional(),
    expiresAt: day('截止日期').optional(),
    summary: optionalText('一句话看懂', 80),
    ...audience,
    body: optionalText('解读正文', 20_000),
  })
  .refine(datesInOrder, DATES_IN_ORDER)

export const policyIdInput = z.strictObject({ id: id('政策') })

export interface PolicySummary {
  id: string
  title: string
  issuer: string
  docNo: string | null
  category: string
  /** 一句话看懂. */
  summary: string
  /** YYYY-MM-DD. */
  publishedAt: string
  expiresAt: string | null
  expired: boolean
}

export interface PolicySection {
  heading: string
  text: string
}

export interface PolicyDetail extends PolicySummary {
  effectiveFrom: string
  sections: PolicySection[]
  /** Saved by the reader (收藏). */
  favourite: boolean
  /** Why it fits the reader's enterprise, or null (not an owner, or it does not fit). */
  reason: string | null
}

/** A policy recommended to an enterprise (为我推荐), with what made it fit. */
export interface PolicyRecommendation extends PolicySummary {
  reason: string
}

/** How far a policy has reached (政策触达), within what the staff member serves. */
export interface PolicyReach {
  /** People who read it, counted once each. */
  readers: number
  favourites: number
  /** Appeals that asked about it (我要咨询 / 我要申请). */
  consultations: number
  /** Enterprises it is for, and how many of them someone has read it for. */
  matching: number
  seen: number
  /** The first of those nobody has read it for: whom to bring it to in person (送政策上门). */
  unseen: { id: string; name: string; park: string; officerName: string | null }[]
}

/** A policy in the admin's list, whatever its status. */
export interface PolicyAdminSummary extends PolicySummary {
  status: 'draft' | 'published' | 'withdrawn'
  updatedAt: number
}

/** Everything an admin edits, as savePolicyInput takes it. */
export interface PolicySource {
  id: string
  status: 'draft' | 'published' | 'withdrawn'
  title: string
  issuer: string
  docNo: string | null
  /** Empty while a draft has none yet. */
  category: string
  /** YYYY-MM-DD; empty while a draft has none yet. */
  effectiveFrom: string
  expiresAt: string | null
  summary: string
  industries: string[]
  kinds: string[]
  enterpriseTags: string[]
  tags: string[]
  body: string
}

/** 惠企政策 */
export const policyActions = {
  'policy.list': {
    summary: '惠企政策列表，可按类别和关键词筛选',
    access: EVERYONE_SIGNED_IN,
    input: listPoliciesInput,
    output: returns<Page<PolicySummary>>(),
  },
  'policy.get': {
    summary: '一条政策的解读全文',
    access: EVERYONE_SIGNED_IN,
    input: getPolicyInput,
    output: returns<PolicyDetail>(),
  },
  'policy.suggest': {
    summary: '填写诉求时推荐可能已能解答问题的政策（最多 3 条）',
    access: EVERYONE_SIGNED_IN,
    input: suggestPoliciesInput,
    output: returns<PolicySummary[]>(),
  },
  'policy.recommend': {
    summary: '为我推荐：适合本企业的有效政策及适用理由',
    access: ['owner'],
    input: empty,
    output: returns<PolicyRecommendation[]>(),
  },
  'policy.favourite': {
    summary: '收藏或取消收藏一条政策',
    access: EVERYONE_SIGNED_IN,
    input: favouritePolicyInput,
    output: returns<{ favourite: boolean }>(),
  },
  'policy.favourites': { summary: '我收藏的政策', access: EVERYONE_SIGNED_IN, input: empty, output: returns<PolicySummary[]>() },
  'policy.reach': {
    summary: '政策触达：阅读、收藏、咨询人数，以及适用企业中尚未阅读的（送政策上门）',
    access: STAFF,
    input: policyReachInput,
    output: returns<PolicyReach>(),
  },
  'policy.adminList': {
    summary: '管理员查看全部政策（含草稿、已撤回）',
    access: ['admin'],
    input: adminPoliciesInput,
    output: returns<Page<PolicyAdminSummary>>(),
  },
  'policy.source': {
    summary: '管理员编辑用的政策原文和适用条件',
    access: ['admin'],
    input: policyIdInput,
    output: returns<PolicySource>(),
  },
  'policy.save': { summary: '管理员新建（草稿）或修改政策', access: ['admin'], input: savePolicyInput, output: returns<PolicySource>() },
  'policy.publish': {
    summary: '管理员发布政策，并通知适用企业（每家只通知一次）；未填完整的草稿不能发布',
    access: ['admin'],
    input: policyIdInput,
    output: returns<{ notified: number }>(),
  },
  'policy.withdraw': { summary: '管理员撤回已发布的政策', access: ['admin'], input: policyIdInput, output: returns<PolicySource>() },
} satisfies Area<'policy'>
