import { stageLabel } from './project'

/**
 * 半年观摩: the key projects as they stood on the day of an inspection tour, kept as a record, and
 * read later against where each project stands now.
 */

/** The name a review takes when none is given: the half of the year its day falls in. */
export function defaultReviewTitle(day: string): string {
  const [year, month] = day.split('-').map(Number)
  return `${year}年${month <= 6 ? '上' : '下'}半年重点项目观摩`
}

/** How a project's stage moved since the review: 签约 → 开工; null when it has not moved (or is gone). */
export function stageMoveSince(then: string, now: string | null): string | null {
  if (now === null || now === then) return null
  return `${stageLabel(then)} → ${stageLabel(now)}`
}
