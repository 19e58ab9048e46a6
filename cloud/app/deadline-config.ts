import type { Logger } from '../actions/ports'
import { readDeadlineConfig, type DeadlineConfig } from '../domain/appeal/deadlines'
import { inZone } from '../domain/clock'
import { calendarKnows } from '../domain/working-days'

/**
 * The deadline configuration a host runs with (DEADLINE_DAYS), with a warning in the log when
 * working days are counted in a year the holiday calendar does not know yet: those days fall back
 * to Monday–Friday until chinese-days is updated with that year's notice.
 */
export function deadlinesFromEnv(env: Record<string, string | undefined>, now: number, log: Logger): DeadlineConfig {
  const config = readDeadlineConfig(env)
  if (config.dayMode === 'working') {
    const soon = inZone(now).add(config.maxDays, 'day').year()
    for (const year of new Set([inZone(now).year(), soon])) {
      if (!calendarKnows(year)) log.error('holiday calendar unknown for a year; counting Monday to Friday', { year, fix: 'npm update chinese-days' })
    }
  }
  return config
}
