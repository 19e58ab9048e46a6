import { getDayDetail } from 'chinese-days'
import dayjs from 'dayjs'
import { beijingMoment, inZone } from './clock'

/**
 * Working days (工作日) in mainland China: weekends are rest days, except the make-up days (调休)
 * the State Council announces each year, and the public holidays are rest days whatever the weekday.
 * The calendar comes from chinese-days, which tracks the official notices; a year it does not yet
 * know falls back to Monday–Friday, and `calendarKnows` lets a host warn about it.
 */
export function isWorkingDay(date: string): boolean {
  if (!calendarKnows(Number(date.slice(0, 4)))) {
    const weekday = dayjs(date).day()
    return weekday !== 0 && weekday !== 6
  }
  return getDayDetail(date).work
}

/** 1 January is always a holiday; a calendar that calls it a working day has no notice for that year. */
export function calendarKnows(year: number): boolean {
  return getDayDetail(`${year}-01-01`).work === false
}

/**
 * The end (23:59:59.999 Beijing) of the n-th working day after the day of `from`: "within three
 * working days" as offices count it. What is filed on a Friday evening or a holiday is not short of time.
 */
export function endOfWorkingDaysAfter(from: number, days: number): number {
  let day = inZone(from).startOf('day')
  let counted = 0
  while (counted < days) {
    day = day.add(1, 'day')
    if (isWorkingDay(day.format('YYYY-MM-DD'))) counted += 1
  }
  return beijingMoment(`${day.format('YYYY-MM-DD')} 23:59:59.999`).valueOf()
}
