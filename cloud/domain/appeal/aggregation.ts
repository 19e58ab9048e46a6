import { bigrams, likeness } from '../similarity'

/**
 * 问题汇聚: which open appeals are alike enough to be handled as one. Alike means the same category
 * (the caller picks the candidates) and text that shares enough character pairs; two enterprises
 * in the same park need less, since a road or a power line there is one problem for all of them.
 */
export const ALIKE_THRESHOLD = 0.2
export const SAME_PARK_BONUS = 0.1

export interface AlikeCandidate {
  id: string
  enterpriseId: string
  park: string
  title: string
  description: string
}

export interface Alike<C> {
  appeal: C
  /** 0–1: the share of character pairs the two texts have in common, with the park bonus. */
  score: number
  sameEnterprise: boolean
  samePark: boolean
}

export function alikeAppeals<C extends AlikeCandidate>(target: AlikeCandidate, candidates: C[], limit = 10): Alike<C>[] {
  const grams = bigrams(`${target.title} ${target.description}`)
  return candidates
    .filter((c) => c.id !== target.id)
    .map((appeal) => {
      const samePark = appeal.park !== '' && appeal.park === target.park
      const score = likeness(grams, bigrams(`${appeal.title} ${appeal.description}`)) + (samePark ? SAME_PARK_BONUS : 0)
      return { appeal, score: Math.min(1, score), sameEnterprise: appeal.enterpriseId === target.enterpriseId, samePark }
    })
    .filter((a) => a.score >= ALIKE_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.appeal.id.localeCompare(b.appeal.id))
    .slice(0, limit)
}
