import { beijingMoment } from './clock'

/**
 * 一季一督查, 年终一考核: a department's score for a quarter or a year is the weighted mean of its
 * components, out of 100. Each component is a share (what was done ÷ what was due): the three
 * appeal rates, visits, plan milestones, key projects, confirmed help and inspection findings.
 *
 * A component with nothing to count (no appeals rated, no project, no finding …) is left out and
 * the other components' weights are scaled up to sum to 1: a department is not marked down for work
 * it was never given, nor up for it. With nothing to count at all it has no score and no rank.
 */
export const COMPONENTS = [
  'responseRate',
  'onTimeRate',
  'satisfactionRate',
  'visitRate',
  'milestoneRate',
  'projectRate',
  'helpRate',
  'inspectionRate',
] as const
export type Component = (typeof COMPONENTS)[number]
export type AssessmentWeights = Record<Component, number>

export const COMPONENT_LABELS: Record<Component, string> = {
  responseRate: '诉求响应率',
  onTimeRate: '按期办结率',
  satisfactionRate: '满意率',
  visitRate: '走访达标率',
  milestoneRate: '一企一策节点按期率',
  projectRate: '重点项目按进度率',
  helpRate: '帮扶确认率',
  inspectionRate: '督查整改按期率',
}

/** What each share counts: the numerator ÷ the denominator, in words for the page. */
export const COMPONENT_COUNTS: Record<Component, [string, string]> = {
  responseRate: ['按时响应', '应响应'],
  onTimeRate: ['按期办结', '应办结'],
  satisfactionRate: ['好评', '已评价'],
  visitRate: ['已走访企业·期', '应走访企业·期'],
  milestoneRate: ['按期完成节点', '到期节点'],
  projectRate: ['按进度项目', '项目'],
  helpRate: ['企业确认', '已记录帮扶'],
  inspectionRate: ['按期整改销号', '到期督查问题'],
}

export const DEFAULT_WEIGHTS: AssessmentWeights = {
  responseRate: 0.15,
  onTimeRate: 0.2,
  satisfactionRate: 0.15,
  visitRate: 0.15,
  milestoneRate: 0.1,
  projectRate: 0.1,
  helpRate: 0.05,
  inspectionRate: 0.1,
}

/** The town setting that holds the weights (JSON of AssessmentWeights), set in the app. */
export const WEIGHTS_SETTING = 'assessment.weights'

/** Weights are checked to sum to 1 within this (three decimals of rounding). */
const SUM_TOLERANCE = 0.0005
export const weightsSumProblem = (weights: AssessmentWeights): string | null => {
  const sum = COMPONENTS.reduce((total, k) => total + weights[k], 0)
  return Math.abs(sum - 1) <= SUM_TOLERANCE ? null : `各项权重之和应为 1（现为 ${Math.round(sum * 1000) / 1000}）`
}

/**
 * ASSESSMENT_WEIGHTS=responseRate:0.3,onTimeRate:0.4,… (any subset over DEFAULT_WEIGHTS; each 0–1),
 * the host's fallback when the town has not set weights in the app. Its sum need not be 1: the
 * score divides by the weights in play.
 */
export function readAssessmentWeights(env: Record<string, string | undefined>): AssessmentWeights {
  const weights = { ...DEFAULT_WEIGHTS }
  for (const part of (env.ASSESSMENT_WEIGHTS ?? '').split(',').filter(Boolean)) {
    const [key, value] = part.split(':').map((s) => s.trim())
    const weight = Number(value)
    if (!(key in weights) || !(weight >= 0 && weight <= 1))
      throw new Error(
        `ASSESSMENT_WEIGHTS: "${part}" should be component:weight, component one of ${COMPONENTS.join('/')}, weight between 0 and 1`,
      )
    weights[key as Component] = weight
  }
  return weights
}

/** The stored setting, when it is whole and sums to 1; otherwise null (the caller falls back). */
export function parseStoredWeights(value: string | undefined): AssessmentWeights | null {
  if (!value) return null
  try {
    const parsed = JSON.parse(value) as Record<string, unknown>
    const weights = Object.fromEntries(COMPONENTS.map((k) => [k, parsed[k]])) as Record<Component, unknown>
    if (!COMPONENTS.every((k) => typeof weights[k] === 'number' && weights[k] >= 0 && weights[k] <= 1)) return null
    return weightsSumProblem(weights as AssessmentWeights) ? null : (weights as AssessmentWeights)
  } catch {
    return null
  }
}

/** What a share was computed from. */
export interface Tally {
  done: number
  due: number
}
export const NO_TALLY: Tally = { done: 0, due: 0 }
export type Tallies = Record<Component, Tally>

export interface ComponentScore extends Tally {
  component: Component
  /** done ÷ due; null with nothing due. */
  rate: number | null
  /** The configured weight. */
  weight: number
  /** The weight it carried in this department's score, after leaving out components with no data; 0 when left out. */
  effectiveWeight: number
  /** Its part of the score, out of 100 (rounded to 0.1). */
  points: number
}

const round1 = (n: number) => Math.round(n * 10) / 10

/** A department's score from its tallies: each component's share and its weight, and the total out of 100. */
export function scoreTallies(tallies: Tallies, weights: AssessmentWeights): { score: number | null; components: ComponentScore[] } {
  const rates = COMPONENTS.map((component) => {
    const { done, due } = tallies[component]
    return { component, done, due, rate: due > 0 ? done / due : null, weight: weights[component] }
  })
  const inPlay = rates.filter((r) => r.rate !== null && r.weight > 0)
  const total = inPlay.reduce((sum, r) => sum + r.weight, 0)
  const components = rates.map((r) => {
    const effectiveWeight = r.rate !== null && r.weight > 0 && total > 0 ? r.weight / total : 0
    return { ...r, effectiveWeight, points: round1(effectiveWeight * (r.rate ?? 0) * 100) }
  })
  if (total === 0) return { score: null, components }
  return { score: round1(components.reduce((sum, c) => sum + c.effectiveWeight * (c.rate ?? 0), 0) * 100), components }
}

/** The grades the yearly assessment gives, from the score. */
export const GRADES = [
  { min: 95, label: '优秀' },
  { min: 85, label: '良好' },
  { min: 75, label: '合格' },
  { min: -Infinity, label: '不合格' },
] as const
export const gradeOf = (score: number | null) => (score === null ? null : GRADES.find((g) => score >= g.min)!.label)

/** Ranks by score (best first; a tie goes to the one with more counted), those without a score unranked. */
export function rankByScore<T extends { score: number | null; counted: number }>(rows: T[]): (T & { rank: number | null })[] {
  const ranked = rows
    .filter((r) => r.score !== null)
    .sort((a, b) => b.score! - a.score! || b.counted - a.counted)
    .map((r, i) => ({ ...r, rank: (i + 1) as number | null }))
  return [...ranked, ...rows.filter((r) => r.score === null).map((r) => ({ ...r, rank: null }))]
}

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
