import { isExpired } from './policy'

/**
 * Who a policy is for, as data, and whether an enterprise is among them. No imports beyond the
 * pure policy rules: the app shows the same reasons the server gives.
 */

/** The kinds of enterprise policies are written for (规上 = above designated size). */
export const ENTERPRISE_KINDS = ['规上企业', '小微企业', '个体工商户', '物流企业', '货车司机'] as const
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number]

/** Qualifications an enterprise holds and some policies ask for. */
export const ENTERPRISE_TAGS = ['高新技术', '专精特新', '科技型中小企业', '一般纳税人', '外贸', '资源综合利用'] as const

/**
 * Broad sectors a policy may name instead of listing industries: 制造业 covers every industry of
 * the county's manufacturers. An industry is also its own sector.
 */
export const INDUSTRY_SECTORS: Record<string, readonly string[]> = {
  制造业: ['药包材', '玻璃制品', '食品', '塑料制品', '可降解材料', '化工', '建材', '机械制造', '医药', '新材料'],
  农业: ['现代农业'],
  服务业: ['检测服务', '物流'],
  交通运输: ['物流'],
}

export interface PolicyAudience {
  industries: readonly string[]
  kinds: readonly string[]
  /** The enterprise must hold one of these (高新技术 …); empty asks for none. */
  enterpriseTags: readonly string[]
  expiresAt: string | null
}

export interface EnterpriseProfile {
  industry: string
  kind: string
  tags: readonly string[]
}

export type PolicyMatch = { matches: true; reason: string; specific: boolean } | { matches: false; why: string }

const coversIndustry = (listed: string, industry: string) => listed === industry || (INDUSTRY_SECTORS[listed] ?? []).includes(industry)

/**
 * Does the policy fit the enterprise today? Every dimension the policy names must fit (an empty one
 * fits everybody), and an expired policy fits nobody. The reason says what fitted, for the owner.
 */
export function matchPolicy(policy: PolicyAudience, enterprise: EnterpriseProfile, today: string): PolicyMatch {
  if (isExpired(policy.expiresAt, today)) return { matches: false, why: '已过期' }
  const industry = policy.industries.find((listed) => coversIndustry(listed, enterprise.industry))
  if (policy.industries.length > 0 && !industry) return { matches: false, why: '行业不符' }
  if (policy.kinds.length > 0 && !policy.kinds.includes(enterprise.kind)) return { matches: false, why: '企业类型不符' }
  const tag = policy.enterpriseTags.find((t) => enterprise.tags.includes(t))
  if (policy.enterpriseTags.length > 0 && !tag) return { matches: false, why: '资质不符' }
  const parts = [
    industry ? `${enterprise.industry}行业` : '',
    policy.kinds.length > 0 ? enterprise.kind : '',
    tag ? `${tag}企业` : '',
  ].filter(Boolean)
  return parts.length > 0
    ? { matches: true, reason: `适用于${parts.join('、')}`, specific: true }
    : { matches: true, reason: '面向各类企业', specific: false }
}

/** The industries a policy's list covers, sectors spelled out: what a query for its audience asks for. */
export function coveredIndustries(industries: readonly string[]): string[] {
  return [...new Set(industries.flatMap((listed) => [listed, ...(INDUSTRY_SECTORS[listed] ?? [])]))]
}

/** What an admin picks a policy's industries from: the sectors, then every industry they cover. */
export const INDUSTRY_CHOICES: readonly string[] = [...Object.keys(INDUSTRY_SECTORS), ...new Set(Object.values(INDUSTRY_SECTORS).flat())]
