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
  'notOnTime',
  'rated',
  'satisfied',
  'unsatisfied',
  'solved',
  'notSolved',
  'returnedOrDisputed',
  'returned',
  'returnOverturned',
  'withdrawn',
  'paused',
  'reopened',
  'notRectifiedOnTime',
  'notFollowedUp',
  'spotChecked',
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
  notOnTime: '未按期办结',
  rated: '已评价',
  satisfied: '好评',
  unsatisfied: '差评',
  solved: '已解决',
  notSolved: '未解决',
  returnedOrDisputed: '回退',
  returned: '不予受理',
  returnOverturned: '不予受理被退回重办',
  withdrawn: '企业撤回',
  paused: '暂停计时',
  reopened: '差评整改',
  notRectifiedOnTime: '未按期整改',
  notFollowedUp: '整改后未回访',
  spotChecked: '抽查回访',
  overdue: '超期未办结',
}

/** The ways a month's figures are split for 分项统计. */
export const BREAKDOWNS = ['department', 'officer', 'category', 'enterprise'] as const

export interface MetricCounts {
  received: number
  /** What 响应率 divides by: received, less those withdrawn unanswered before their time to accept ran out. */
  responseDue: number
  /** Answered (accepted, or returned with the reason and not sent back) within the time to accept. */
  respondedOnTime: number
  resolved: number
  /** Resolved by the close deadline in force, which an approved extension or a pause moves. */
  resolvedOnTime: number
  /** What 按期办结率 divides by: resolved, still open past the deadline, or withdrawn after it. */
  onTimeDue: number
  /** Rated, by the latest rating, not counting a 差评 the 督查 office set aside. */
  rated: number
  /** 好评: 非常满意, 满意 or 基本满意. */
  satisfied: number
  /** 差评: 不满意 or 非常不满意. */
  unsatisfied: number
  /** The enterprise said whether its problem was solved, and said yes (解决率). */
  solvedAnswered: number
  solved: number
  /** Returned (不予受理) or whose dispatch was disputed (派单异议). */
  returnedOrDisputed: number
  /** 不予受理, counted apart: all, still under review, upheld, sent back to be handled, objected to by the enterprise. */
  returned: number
  returnPending: number
  returnUpheld: number
  returnOverturned: number
  returnObjected: number
  /** Withdrawn by the enterprise (撤回). */
  withdrawn: number
  /** 待补充: appeals whose clock was paused, how many pauses, and how long they lasted (ms, to now for one still paused). */
  paused: number
  pauses: number
  pausedMs: number
  /** Reopened at least once after a 差评 (整改). */
  reopened: number
  /** 整改率: rectifications done or due by now, and those done in time. */
  rectifyDue: number
  rectifiedOnTime: number
  /** 回访率: rectified appeals, and those called back (回访) after their rectification. */
  rectified: number
  followedUp: number
  /** 抽查回访: 好评 picked for a call, calls made, ratings found given under pressure. */
  spotPicked: number
  spotChecked: number
  pressured: number
  /** Still open with its deadline passed (or paused after it had passed). */
  overdue: number
  /** Sums for the average times, and how many each averages over. */
  respondMsTotal: number
  responded: number
  resolveMsTotal: number
}

/** Every count of MetricCounts, in one list: the kept daily counts have a column for each. */
export const METRIC_KEYS = [
  'received',
  'responseDue',
  'respondedOnTime',
  'resolved',
  'resolvedOnTime',
  'onTimeDue',
  'rated',
  'satisfied',
  'unsatisfied',
  'solvedAnswered',
  'solved',
  'returnedOrDisputed',
  'returned',
  'returnPending',
  'returnUpheld',
  'returnOverturned',
  'returnObjected',
  'withdrawn',
  'paused',
  'pauses',
  'pausedMs',
  'reopened',
  'rectifyDue',
  'rectifiedOnTime',
  'rectified',
  'followedUp',
  'spotPicked',
  'spotChecked',
  'pressured',
  'overdue',
  'respondMsTotal',
  'responded',
  'resolveMsTotal',
] as const satisfies readonly (keyof MetricCounts)[]
export type MetricKey = (typeof METRIC_KEYS)[number]
// A count added to MetricCounts and not listed above fails to compile here.
const everyKeyListed: Exclude<keyof MetricCounts, (typeof METRIC_KEYS)[number]> extends never ? true : never = true
void everyKeyListed

/** Nothing counted. */
export const NO_COUNTS = Object.freeze(Object.fromEntries(METRIC_KEYS.map((key) => [key, 0]))) as unknown as MetricCounts

export function addCounts(a: MetricCounts, b: MetricCounts): MetricCounts {
  return Object.fromEntries(METRIC_KEYS.map((key) => [key, a[key] + b[key]])) as unknown as MetricCounts
}

export interface Rates {
  /** 响应率 */
  responseRate: number | null
  /** 按期办结率 */
  onTimeRate: number | null
  /** 满意率 */
  satisfactionRate: number | null
  /** 解决率: said solved ÷ said whether solved. */
  resolutionRate: number | null
  /** 整改率: 差评 rectified in time ÷ rectifications done or due. */
  rectifyRate: number | null
  /** 回访率: rectified 差评 called back after the rectification ÷ rectified. */
  followUpRate: number | null
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
    responseRate: ratio(c.respondedOnTime, c.responseDue),
    onTimeRate: ratio(c.resolvedOnTime, c.onTimeDue),
    satisfactionRate: ratio(c.satisfied, c.rated),
    resolutionRate: ratio(c.solved, c.solvedAnswered),
    rectifyRate: ratio(c.rectifiedOnTime, c.rectifyDue),
    followUpRate: ratio(c.followedUp, c.rectified),
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
