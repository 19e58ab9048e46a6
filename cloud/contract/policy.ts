import { z } from 'zod'
import { APPEAL_CATEGORIES } from '../domain/appeal/categories'
import { POLICY_CATEGORIES } from '../domain/policy'
import { ENTERPRISE_KINDS, ENTERPRISE_TAGS } from '../domain/policy-match'
import { id, page, text } from './fields'

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

const day = (title: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').meta({ title })
const words = (title: string, allowed?: readonly string[]) =>
  z.array(allowed ? z.enum(allowed as [string, ...string[]]) : z.string().trim().min(1).max(20)).max(20).default([]).meta({ title })

/**
 * A policy as an admin writes it in the app: the same fields as a Markdown file under
 * seeds/policies/, the explainer body with its ## sections. Without an id it is a new draft.
 */
export const savePolicyInput = z
  .strictObject({
    id: z.string().regex(/^pol-[a-z0-9-]+$/, 'id 应以 pol- 开头，只含小写字母、数字和连字符').optional().meta({ title: '政策编号' }),
    title: text('标题', 60),
    issuer: text('发文单位', 60),
    docNo: z.string().trim().max(60).optional().meta({ title: '文号' }),
    category: z.enum(POLICY_CATEGORIES, { error: '请选择政策类别' }).meta({ title: '政策类别' }),
    effectiveFrom: day('施行日期'),
    expiresAt: day('截止日期').optional(),
    summary: text('一句话看懂', 80),
    industries: words('适用行业'),
    kinds: words('企业类型', ENTERPRISE_KINDS),
    enterpriseTags: words('资质要求', ENTERPRISE_TAGS),
    tags: words('标签'),
    body: text('解读正文', 20_000),
  })
  .refine((p) => !p.expiresAt || p.expiresAt >= p.effectiveFrom, { message: '截止日期不能早于施行日期', path: ['expiresAt'] })

export const policyIdInput = z.strictObject({ id: id('政策') })
