import matter from 'gray-matter'
import { z } from 'zod'
import { missingSections, POLICY_CATEGORIES } from '../domain/policy'
import { ENTERPRISE_KINDS, ENTERPRISE_TAGS } from '../domain/policy-match'
import type { PolicyRow } from './repositories/policies'

const date = z.union([z.string(), z.date()]).transform((value, ctx) => {
  // YAML turns a bare 2022-05-10 into a Date at UTC midnight; keep it as the calendar date written.
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: '日期应写成 YYYY-MM-DD' })
    return z.NEVER
  }
  return text
})

const list = z.array(z.string().min(1)).default([])

/** The front matter of a policy explainer under seeds/policies/. */
export const policyFrontMatter = z.strictObject({
  id: z.string().regex(/^pol-[a-z0-9-]+$/, 'id 应以 pol- 开头，只含小写字母、数字和连字符'),
  title: z.string().min(2).max(60),
  issuer: z.string().min(2).max(60),
  docNo: z.string().min(2).max(60).optional(),
  category: z.enum(POLICY_CATEGORIES),
  publishedAt: date,
  effectiveFrom: date,
  expiresAt: date.optional(),
  summary: z.string().min(4).max(80),
  industries: list,
  kinds: z.array(z.enum(ENTERPRISE_KINDS)).default([]),
  tags: list,
  /** Qualifications an enterprise must hold (one of), e.g. [高新技术]. */
  enterpriseTags: z.array(z.enum(ENTERPRISE_TAGS)).default([]),
})

export class PolicyFileError extends Error {}

/** Parses one Markdown explainer; a bad file names itself and the field that is wrong. */
export function parsePolicyFile(fileName: string, source: string, now: number): PolicyRow {
  const { data, content } = matter(source)
  const parsed = policyFrontMatter.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || '(front matter)'
    throw new PolicyFileError(`${fileName}: ${field}: ${issue.message}`)
  }
  const meta = parsed.data
  const missing = missingSections(content)
  if (missing.length) throw new PolicyFileError(`${fileName}: body: 正文缺少小节 ${missing.map((m) => `“## ${m}”`).join('、')}`)
  return {
    id: meta.id,
    title: meta.title,
    issuer: meta.issuer,
    doc_no: meta.docNo ?? null,
    category: meta.category,
    summary: meta.summary,
    body: content.trim(),
    industries: JSON.stringify(meta.industries),
    kinds: JSON.stringify(meta.kinds),
    tags: JSON.stringify(meta.tags),
    enterprise_tags: JSON.stringify(meta.enterpriseTags),
    published_at: meta.publishedAt,
    effective_from: meta.effectiveFrom,
    expires_at: meta.expiresAt ?? null,
    status: 'published',
    created_at: now,
    updated_at: now,
  }
}
