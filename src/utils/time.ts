import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { DAY, HOUR } from '../../cloud/domain/time-units'

dayjs.extend(utc)

/**
 * A moment as Beijing time, whatever zone the device is set to. Beijing keeps UTC+8 all year, so a
 * fixed offset says it without the time-zone database, which not every mini-program engine has.
 */
export const beijing = (ms: number = Date.now()) => dayjs(ms).utcOffset(8 * 60)

/** The months a firm's figures may be reported for now: last month (due now) and this one (early). */
export const reportableMonths = () => [beijing().subtract(1, 'month').format('YYYY-MM'), beijing().format('YYYY-MM')]

/**
 * How long until a deadline, as a person says it: 剩余 2天3小时, 剩余 40分钟, 已超时 5小时.
 * Rounded down to what matters at that scale, so a countdown never promises more than is left.
 */
export function formatRemaining(dueAt: number, now: number): string {
  const left = dueAt - now
  const span = Math.abs(left)
  const days = Math.floor(span / DAY)
  const hours = Math.floor((span % DAY) / HOUR)
  const minutes = Math.floor((span % HOUR) / 60_000)
  const text = days > 0 ? `${days}天${hours}小时` : hours > 0 ? `${hours}小时${minutes}分钟` : `${Math.max(minutes, 1)}分钟`
  return left >= 0 ? `剩余 ${text}` : `已超时 ${text}`
}

/** A moment in Beijing time for lists and timelines: 3月2日 09:05, with the year when it is not this one. */
export function formatMoment(ms: number, now: number): string {
  const t = beijing(ms)
  return t.year() === beijing(now).year() ? t.format('M月D日 HH:mm') : t.format('YYYY年M月D日 HH:mm')
}
