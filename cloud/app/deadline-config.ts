import type { Logger } from '../actions/ports'
import type { DeadlineConfig } from '../domain/appeal/deadlines'
import { inZone } from '../domain/clock'
import { calendarKnows } from '../domain/working-days'

/**
 * A warning in the log when working days (DEADLINE_DAYS=working) are counted in a year the holiday
 * calendar does not know yet: those days fall back to Monday–Friday until chinese-days is updated
 * with that year's notice.
 */
export function warnOfUnknownHolidays(config: DeadlineConfig, now: number, log: Logger): void {
  if (config.dayMode !== 'working') return
  const soon = inZone(now).add(config.maxDays, 'day').year()
  for (const year of new Set([inZone(now).year(), soon])) {
    if (!calendarKnows(year))
      log.error('holiday calendar unknown for a year; counting Monday to Friday', { year, fix: 'npm update chinese-days' })
  }
}
