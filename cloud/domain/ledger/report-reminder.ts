import { beijingMoment, inZone } from '../clock'
import { isWorkingDay } from '../working-days'

/**
 * 企业运行监测's month-end reminder: a month's figures are expected by its end (corrections stay
 * open until the end of the next month: reportWindowProblem). From the N-th working day before the
 * month's end (counting its last working day as the first), the owners of firms that have not
 * reported the month are reminded, once per enterprise and month.
 */
export const REMIND_WORKING_DAYS_SETTING = 'indicator.remindWorkingDays'
export const DEFAULT_REMIND_WORKING_DAYS = 3

/** The configured number of working days, or the default when absent or not a whole number from 1 to 10. */
export function readRemindWorkingDays(value: string | undefined): number {
  const n = value === undefined ? NaN : Number(value)
  return Number.isInteger(n) && n >= 1 && n <= 10 ? n : DEFAULT_REMIND_WORKING_DAYS
}

/** The first moment (00:00 Beijing) the month's reminder may go out. */
export function remindFrom(month: string, workingDays: number): number {
  let day = beijingMoment(`${month}-01 00:00:00`).endOf('month').startOf('day')
  let counted = 0
  for (;;) {
    if (isWorkingDay(day.format('YYYY-MM-DD'))) counted += 1
    if (counted === workingDays) return day.valueOf()
    day = day.subtract(1, 'day')
  }
}

/** The month whose reminder is due at `now`, or null before its day. */
export function reminderMonth(now: number, workingDays: number): string | null {
  const month = inZone(now).format('YYYY-MM')
  return now >= remindFrom(month, workingDays) ? month : null
}

/** A firm is late for a month it has not reported once the month is over. */
export const monthOver = (month: string, now: number) => now >= beijingMoment(`${month}-01 00:00:00`).add(1, 'month').valueOf()
