import dayjs from 'dayjs'

/**
 * Calendar days as a person reads them. The year is left out only when it is the reader's current
 * year: 3月2日 this year, 2027年3月2日 otherwise, so that no date is ever ambiguous.
 */

const noon = (day: string) => dayjs(`${day}T12:00:00`)

/** 3月2日, or 2027年3月2日 when `day` (YYYY-MM-DD) is not in the year of `today`. */
export function dayLabel(day: string, today: string): string {
  const d = noon(day)
  return day.slice(0, 4) === today.slice(0, 4) ? d.format('M月D日') : d.format('YYYY年M月D日')
}

/**
 * A run of days: 10月28日—30日, 10月31日—11月2日, 2027年10月28日—30日, 2026年12月30日—2027年1月1日.
 * The second day drops what it shares with the first.
 */
export function dayRangeLabel(from: string, to: string, today: string): string {
  if (from === to) return dayLabel(from, today)
  const start = dayLabel(from, today)
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${start}—${noon(to).format('YYYY年M月D日')}`
  if (from.slice(0, 7) === to.slice(0, 7)) return `${start}—${noon(to).format('D日')}`
  return `${start}—${noon(to).format('M月D日')}`
}
