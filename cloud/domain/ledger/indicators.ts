import { beijingMoment, inZone } from '../clock'

/**
 * 企业运行监测: the figures an enterprise (or its officer) reports for a month, and the rules of
 * early warning (未诉先办) read from them. Pure: the store and the clock are the caller's.
 */
export const ORDER_STATES = { enough: '订单充足', short: '订单不足' } as const
export type OrderState = keyof typeof ORDER_STATES

/** A stored figure as a number (a driver may hand a numeric column over as text); missing stays null. */
export const figureOf = (value: number | string | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value)

/** The month a moment falls in, in Beijing: YYYY-MM. */
export const monthOf = (ms: number) => inZone(ms).format('YYYY-MM')

/** The same month a year before: 2026-03 → 2025-03. */
export function sameMonthLastYear(month: string): string {
  return addMonths(month, -12)
}

/**
 * Whether a month may still be reported or corrected at `now`: from its first day until the end
 * of the month after it (a month's figures are known only once it is over, so the next month is
 * the time to report them); a later correction goes through the officer's note, not the figures.
 */
export function reportWindowProblem(month: string, now: number): string | null {
  const start = beijingMoment(`${month}-01 00:00:00`)
  if (now < start.valueOf()) return '还不能填报未来月份的数据'
  if (now >= start.add(2, 'month').valueOf()) return `${month} 的填报已截止（次月底截止）`
  return null
}

/** The default 产值 drop (percent, against the same month last year) that opens a warning. */
export const DEFAULT_DROP_THRESHOLD = 20
/** How many firms of one industry reporting 订单不足 in one month open a warning for each. */
export const SHORT_ORDERS_FIRMS = 3
/** The town setting that holds the drop threshold. */
export const DROP_THRESHOLD_SETTING = 'warning.dropThreshold'

/** The configured threshold, or the default when the setting is absent or not a percentage in (0, 100). */
export function readDropThreshold(value: string | undefined): number {
  const n = value === undefined ? NaN : Number(value)
  return Number.isFinite(n) && n > 0 && n < 100 ? n : DEFAULT_DROP_THRESHOLD
}

/**
 * The fall of 产值 against last year's same month, in percent (rounded to one decimal), or null
 * when there is nothing to compare with (no report then, or no 产值 in either month).
 */
export function revenueDrop(current: number | null, lastYear: number | null): number | null {
  if (current === null || lastYear === null || !(lastYear > 0)) return null
  return Math.round(((lastYear - current) / lastYear) * 1000) / 10
}

/** Whether the drop is beyond the threshold: 20 % exactly is not "more than" 20 %. */
export function dropWarns(drop: number | null, threshold: number): boolean {
  return drop !== null && drop > threshold
}

/**
 * The firms to warn about when firms of one industry report short orders in a month: every one of
 * them once there are at least SHORT_ORDERS_FIRMS, none before.
 */
export function shortOrderFirms(reports: { enterpriseId: string; orders: OrderState | null }[]): string[] {
  const short = [...new Set(reports.filter((r) => r.orders === 'short').map((r) => r.enterpriseId))]
  return short.length >= SHORT_ORDERS_FIRMS ? short : []
}

export const WARNING_REASONS = { revenue_drop: '产值同比下降', short_orders: '同行业多家企业订单不足' } as const
export type WarningReason = keyof typeof WARNING_REASONS

export const WARNING_STATES = { open: '待走访', closed: '已处置' } as const
export type WarningState = keyof typeof WARNING_STATES

/** The line a warning task carries, for the officer who must go and ask. */
export function warningDetail(
  reason: WarningReason,
  facts: { month: string; drop?: number; threshold?: number; industry?: string; firms?: number },
): string {
  if (reason === 'revenue_drop') return `${facts.month} 产值同比下降 ${facts.drop}%（预警线 ${facts.threshold}%），请走访了解情况`
  return `${facts.month} ${facts.industry ?? ''}行业 ${facts.firms} 家企业报告订单不足，请走访了解情况`
}

/** A month moved by n months: addMonths('2026-01', -1) is '2025-12'. */
export function addMonths(month: string, n: number): string {
  const [year, mm] = month.split('-').map(Number)
  const index = year * 12 + (mm - 1) + n
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}
