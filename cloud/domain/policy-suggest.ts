import type { AppealCategory } from './appeal/categories'
import type { PolicyCategory } from './policy'
import { bigrams, inverseFrequencies, sharedWeight } from './similarity'

/** The policy categories that may already answer an appeal of each category. */
export const POLICY_CATEGORIES_FOR_APPEAL: Record<AppealCategory, readonly PolicyCategory[]> = {
  融资: ['金融'],
  用工: ['用工社保'],
  政策兑现: ['税费', '金融', '用工社保', '科技创新', '产业扶持'],
  用地规划: ['用地规划'],
  审批手续: ['审批服务'],
  水电气路: [],
  物流通行: ['外贸物流'],
  安全环保: [],
  市场拓展: ['外贸物流', '产业扶持'],
  其他: [],
}

export interface SuggestablePolicy {
  id: string
  title: string
  summary: string
  category: string
  /** Tags such as 缓税 or 专精特新, which name what a policy is about in few words. */
  tags: string[]
}

/** Below this, what the text shares with a policy is too little to put it in front of an owner. */
export const SUGGEST_THRESHOLD = 3

/**
 * The policies that may already answer what an owner is typing, best first: by the rare character
 * pairs the text shares with each policy's title and tags (which count double) and its one-line
 * summary, with a nudge for the categories that fit the appeal's. A policy sharing nothing telling
 * is never suggested for its category alone.
 */
export function suggestPolicies<P extends SuggestablePolicy>(
  text: string,
  appealCategory: AppealCategory | undefined,
  policies: P[],
  limit = 3,
): P[] {
  const query = bigrams(text)
  if (query.size === 0) return []
  const headline = policies.map((p) => bigrams(`${p.title} ${p.tags.join(' ')}`))
  const summary = policies.map((p) => bigrams(p.summary))
  const weights = inverseFrequencies(policies.map((_, i) => new Set([...headline[i], ...summary[i]])))
  const fitting: readonly string[] = appealCategory ? POLICY_CATEGORIES_FOR_APPEAL[appealCategory] : []
  return policies
    .map((policy, i) => {
      const shared = 2 * sharedWeight(query, headline[i], weights) + sharedWeight(query, summary[i], weights)
      return { policy, score: shared > 0 && fitting.includes(policy.category) ? shared * 1.5 : shared }
    })
    .filter((s) => s.score >= SUGGEST_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.policy.id.localeCompare(b.policy.id))
    .slice(0, limit)
    .map((s) => s.policy)
}
