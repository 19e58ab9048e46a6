import { HOUR } from './time-units'
import { beijingMoment } from './clock'

/**
 * The bulletin's figures (一月一通报), defined once. A period's appeals are those submitted in it
 * (Beijing time), followed to where they stand now: one rated after the month ends still counts for
 * the month it was filed in. docs/metrics.md says the same in words.
 */
/** The appeals behind a figure, for drilling down from it: each is a condition in the store's MEASURES. */
export const DRILL_MEASURES = [
  'received',
  'respondedOnTime',
  'notRespondedOnTime',
  'resolved',
  'resolvedOnTime',
  'resolvedLate',
  'rated',
  'satisfied',
  'unsatisfied',
  'returnedOrDisputed',
  'reopened',
  'overdue',
] as const
export type DrillMeasure = (typeof DRILL_MEASURES)[number]
export const DRILL_LABELS: Record<DrillMeasure, string> = {
  received: '受理',
  respondedOnTime: '按时响应',
  notRespondedOnTime: '未按时响应',
  resolved: '已办结',
  resolvedOnTime: '按期办结',
  resolvedLate: '超期办结',
  rated: '已评价',
  satisfied: '满意',
  unsatisfied: '不满意',
  returnedOrDisputed: '回退',
  reopened: '重办',
  overdue: '超期未办结',
}

/** The ways a month's figures are split for 分项统计. */
export const BREAKDOWNS = ['department', 'officer', 'category', 'enterprise'] as const

export interface MetricCounts {
  received: number
  /** Answered (accepted, or returned with the reason) within the time to accept. */
  respondedOnTime: number
  resolved: number
  /** Resolved by the close deadline in force, which an approved extension moves. */
  resolvedOnTime: number
  rated: number
  /** 满意 or 基本满意, by the latest rating. */
  satisfied: number
  /** Returned (不予受理) or whose dispatch was disputed (派单异议). */
  returnedOrDisputed: number
  /** Reopened at least once after 不满意 (重办). */
  reopened: number
  /** Still open with its deadline passed. */
  overdue: number
  /** Sums for the average times, and how many each averages over. */
  respondMsTotal: number
  responded: number
  resolveMsTotal: number
}

export interface Rates {
  /** 响应率 */
  responseRate: number | null
  /** 按期办结率 */
  onTimeRate: number | null
  /** 满意率 */
  satisfactionRate: number | null
  /** 回退率 */
  returnRate: number | null
  /** 重办率 */
  reopenRate: number | null
  avgRespondHours: number | null
  avgResolveHours: number | null
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null)
const hours = (ms: number, count: number) => (count > 0 ? ms / count / HOUR : null)

export function ratesOf(c: MetricCounts): Rates {
  return {
    responseRate: ratio(c.respondedOnTime, c.received),
    onTimeRate: ratio(c.resolvedOnTime, c.resolved),
    satisfactionRate: ratio(c.satisfied, c.rated),
    returnRate: ratio(c.returnedOrDisputed, c.received),
    reopenRate: ratio(c.reopened, c.resolved),
    avgRespondHours: hours(c.respondMsTotal, c.responded),
    avgResolveHours: hours(c.resolveMsTotal, c.resolved),
  }
}

/** What the town holds itself to; below any of them, a department is named as lagging. */
export const TARGETS = { responseRate: 0.95, onTimeRate: 0.9, satisfactionRate: 0.9 } as const
export const TARGET_LABELS = { responseRate: '响应率', onTimeRate: '按期办结率', satisfactionRate: '满意率' } as const

/** The three rates in one score for ranking (a department with nothing to rate is not ranked on it). */
export function score(rates: Rates): number | null {
  const parts = [rates.responseRate, rates.onTimeRate, rates.satisfactionRate].filter((r): r is number => r !== null)
  return parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : null
}

/** The targets a department missed, in the order of the bulletin. */
export function missedTargets(rates: Rates): (keyof typeof TARGETS)[] {
  return (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).filter((key) => rates[key] !== null && rates[key]! < TARGETS[key])
}

/** A calendar month (YYYY-MM) in Beijing as [from, to) in epoch ms. */
export function monthRange(month: string): { from: number; to: number } {
  const start = beijingMoment(`${month}-01 00:00:00`)
  return { from: start.valueOf(), to: start.add(1, 'month').valueOf() }
}

export const percent = (rate: number | null) => (rate === null ? '—' : `${(Math.floor(rate * 1000) / 10).toFixed(1)}%`)
