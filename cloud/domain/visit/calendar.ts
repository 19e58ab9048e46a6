import { beijingMoment, inZone } from '../clock'
import type { Half } from './halves'

export { HALF_LABELS, HALVES, slotLabel, type Half } from './halves'

/** When each half-day begins, Beijing time: a slot can be booked until it has begun. */
const HALF_START: Record<Half, string> = { am: '09:00', pm: '14:30' }

/** The Beijing calendar day (YYYY-MM-DD) a moment falls on. */
export const beijingDay = (ms: number) => inZone(ms).format('YYYY-MM-DD')

/** The moment a half-day slot begins. */
export const slotStart = (day: string, half: Half) => beijingMoment(`${day} ${HALF_START[half]}`).valueOf()

/** The half-day a moment falls in: before 12:00 is the morning. */
export const halfOf = (ms: number): Half => (inZone(ms).hour() < 12 ? 'am' : 'pm')

/** No booking in the past: a slot is open to booking only before it begins. */
export const isFuture = (day: string, half: Half, now: number) => slotStart(day, half) > now

/**
 * What makes a booking hold its slot. Stored in a unique column while the visit is live, so two
 * owners racing for the same half-day cannot both win, whatever the timing.
 */
export const slotKey = (hostId: string, day: string, half: Half) => `${hostId}|${day}|${half}`

/** How many live bookings an enterprise may hold with one visitor in one week, unless configured. */
export const DEFAULT_BOOKINGS_PER_WEEK = 2

/**
 * The places of an enterprise's weekly allowance with a visitor: a live booking holds one of them
 * in a unique column, so however many bookings race, no more than `perWeek` can be live.
 */
export const quotaKeys = (enterpriseId: string, hostId: string, day: string, perWeek: number) =>
  Array.from({ length: perWeek }, (_, n) => `${enterpriseId}|${hostId}|${weekDays(day)[0]}|${n + 1}`)

/** The seven days (Monday first) of the ISO week a day belongs to. */
export function weekDays(day: string): string[] {
  const date = beijingMoment(`${day} 12:00`)
  const monday = date.subtract((date.day() + 6) % 7, 'day')
  return Array.from({ length: 7 }, (_, i) => monday.add(i, 'day').format('YYYY-MM-DD'))
}

/** The next n days after today (today included), for choosing a slot. */
export function daysFrom(today: string, n: number): string[] {
  const start = beijingMoment(`${today} 12:00`)
  return Array.from({ length: n }, (_, i) => start.add(i, 'day').format('YYYY-MM-DD'))
}
