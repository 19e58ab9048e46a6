import { HOUR } from './time-units'
import { inZone } from './clock'

/**
 * The rules of an exhibition (展会) in time. Days are Beijing calendar days, YYYY-MM-DD.
 * A code keeps working for a while after the last day: buyers take booth cards home and scan
 * them later, and following an exhibitor is still worth it then.
 */
export const SCENE_GRACE_DAYS = 30

export type ExpoPhase = 'upcoming' | 'open' | 'ended' | 'expired'

export const PHASE_LABELS: Record<ExpoPhase, string> = {
  upcoming: '即将开幕',
  open: '展会进行中',
  ended: '展会已闭幕',
  expired: '展会已结束',
}

const addDays = (day: string, days: number) =>
  inZone(Date.parse(`${day}T12:00:00+08:00`))
    .add(days, 'day')
    .format('YYYY-MM-DD')

/** Where an exhibition stands on `today`; `expired` once the grace after its last day is over. */
export function exhibitionPhase(exhibition: { startsOn: string; endsOn: string }, today: string): ExpoPhase {
  if (today < exhibition.startsOn) return 'upcoming'
  if (today <= exhibition.endsOn) return 'open'
  return today <= addDays(exhibition.endsOn, SCENE_GRACE_DAYS) ? 'ended' : 'expired'
}

/** The Beijing day a scan counts on: one scan per person per booth per day. */
export const scanDay = (at: number) => inZone(at).format('YYYY-MM-DD')

/** The start of the hour a scan falls in (Beijing is a whole number of hours from UTC). */
export const scanHour = (at: number) => Math.floor(at / HOUR) * HOUR

export const VISITOR_KINDS = ['visitor', 'vip'] as const
export type VisitorKind = (typeof VISITOR_KINDS)[number]
export const VISITOR_KIND_LABELS: Record<VisitorKind, string> = { visitor: '观众', vip: 'VIP 采购商' }
