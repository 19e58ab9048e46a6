import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

export { DAY, HOUR, MINUTE } from './time-units'

/** All local times in the product are Beijing time, whatever the server's own zone is. */
export const ZONE = 'Asia/Shanghai'

/** The source of "now". Injected everywhere so that deadlines and tokens can be tested. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** A clock that stands still until moved: for tests and benchmarks. */
export function fixedClock(start: number | string | Date): Clock & { advance(ms: number): void; set(t: number | string | Date): void } {
  let current = new Date(start).getTime()
  return {
    now: () => current,
    advance: (ms) => {
      current += ms
    },
    set: (t) => {
      current = new Date(t).getTime()
    },
  }
}

/** A timestamp (ms) as Beijing local time. */
export function inZone(ms: number) {
  return dayjs(ms).tz(ZONE)
}

/**
 * A timestamp written as Beijing local time, as inZone(ms).format(template) writes it, but with
 * the fixed offset Beijing has kept since 1991 (no summer time) instead of a zone lookup, which
 * costs tens of microseconds: a sweep formats a time for each of thousands of notifications.
 */
export function formatInZone(ms: number, template: string): string {
  return dayjs(ms)
    .utcOffset(8 * 60)
    .format(template)
}

/** A Beijing wall-clock time written as text ('2026-03-02', '2026-03-02 23:59:59.999') as a moment. */
export function beijingMoment(local: string) {
  return dayjs.tz(local, ZONE)
}
