import { dayLabel } from '../day-labels'

/**
 * A visit takes half a day: the morning or the afternoon, as officers plan their rounds.
 * Pure and zone-free: the mini-program shows the same labels.
 */
export const HALVES = ['am', 'pm'] as const
export type Half = (typeof HALVES)[number]
export const HALF_LABELS: Record<Half, string> = { am: '上午', pm: '下午' }

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** 11月25日 周三 上午; 2027年1月5日 周二 上午 when the day is not in the year of `today`. */
export function slotLabel(day: string, half: Half, today: string): string {
  // A calendar day's weekday is the same in every zone: read it at noon, wherever the device is.
  const weekday = new Date(`${day}T12:00:00`).getDay()
  return `${dayLabel(day, today)} ${WEEKDAYS[weekday]} ${HALF_LABELS[half]}`
}
