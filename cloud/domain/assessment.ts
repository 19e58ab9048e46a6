import { beijingMoment } from './clock'
import { TARGETS, type Rates } from './metrics'

/**
 * 一季一督查, 年终一考核: a department's score for a quarter or a year is the weighted mean of its
 * three rates, out of 100. The weights are configuration; a rate with nothing to count drops out
 * and the others' weights are scaled up, so a department is not marked down for having no ratings.
 */
export type AssessmentWeights = Record<keyof typeof TARGETS, number>
export const DEFAULT_WEIGHTS: AssessmentWeights = { responseRate: 0.3, onTimeRate: 0.4, satisfactionRate: 0.3 }

/** ASSESSMENT_WEIGHTS=responseRate:0.3,onTimeRate:0.4,satisfactionRate:0.3 (any subset; each 0–1). */
export function readAssessmentWeights(env: Record<string, string | undefined>): AssessmentWeights {
  const weights = { ...DEFAULT_WEIGHTS }
  for (const part of (env.ASSESSMENT_WEIGHTS ?? '').split(',').filter(Boolean)) {
    const [key, value] = part.split(':').map((s) => s.trim())
    const weight = Number(value)
    if (!(key in weights) || !(weight >= 0 && weight <= 1))
      throw new Error(
        `ASSESSMENT_WEIGHTS: "${part}" should be rate:weight, rate one of ${Object.keys(weights).join('/')}, weight between 0 and 1`,
      )
    weights[key as keyof AssessmentWeights] = weight
  }
  return weights
}

export function assessmentScore(rates: Rates, weights: AssessmentWeights): number | null {
  const parts = (Object.keys(weights) as (keyof AssessmentWeights)[]).filter((k) => rates[k] !== null && weights[k] > 0)
  const total = parts.reduce((sum, k) => sum + weights[k], 0)
  if (total === 0) return null
  return Math.round((parts.reduce((sum, k) => sum + weights[k] * rates[k]!, 0) / total) * 1000) / 10
}

/** The grades the yearly assessment gives, from the score. */
export const GRADES = [
  { min: 95, label: '优秀' },
  { min: 85, label: '良好' },
  { min: 75, label: '合格' },
  { min: -Infinity, label: '不合格' },
] as const
export const gradeOf = (score: number | null) => (score === null ? null : GRADES.find((g) => score >= g.min)!.label)

/** A quarter (YYYY-Qn) or a year (YYYY) in Beijing as [from, to), with how people say it. */
export function assessmentPeriod(period: string): { from: number; to: number; label: string; kind: 'quarter' | 'year' } {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period)
  if (quarter) {
    const start = beijingMoment(`${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01 00:00:00`)
    return { from: start.valueOf(), to: start.add(3, 'month').valueOf(), label: `${quarter[1]}年第${quarter[2]}季度督查`, kind: 'quarter' }
  }
  const start = beijingMoment(`${period}-01-01 00:00:00`)
  return { from: start.valueOf(), to: start.add(1, 'year').valueOf(), label: `${period}年度考核`, kind: 'year' }
}
