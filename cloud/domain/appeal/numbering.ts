import { formatInZone } from '../clock'

/**
 * 诉求编号: the year and month of filing in Beijing and the appeal's place among that month's
 * filings, e.g. 2026-11-0042. Four digits, more once a month passes 9999. What a caller reads out
 * on the phone and staff type into a search box. No imports beyond the clock: the app uses it.
 */
export const APPEAL_NUMBER_PATTERN = /^\d{4}-\d{2}-\d{4,}$/

/** The month an appeal filed at `at` is numbered in: YYYY-MM, Beijing time. */
export function numberingMonth(at: number): string {
  return formatInZone(at, 'YYYY-MM')
}

/** The number of the `sequence`-th appeal (from 1) filed in `month`. */
export function formatAppealNumber(month: string, sequence: number): string {
  return `${month}-${String(sequence).padStart(4, '0')}`
}

/** Whether a search text is an appeal number (then it is looked up exactly, not as words of a title). */
export function isAppealNumber(text: string): boolean {
  return APPEAL_NUMBER_PATTERN.test(text.trim())
}
