import dayjs from 'dayjs'
import isoWeek from 'dayjs/plugin/isoWeek'
import quarterOfYear from 'dayjs/plugin/quarterOfYear'
import { inZone } from '../clock'
import { dayRangeLabel } from '../day-labels'

dayjs.extend(isoWeek)
dayjs.extend(quarterOfYear)

/** How often someone must visit each enterprise they cover. */
export const FREQUENCIES = ['week', 'month', 'quarter'] as const
export type Frequency = (typeof FREQUENCIES)[number]
export const FREQUENCY_LABELS: Record<Frequency, string> = { week: '本周', month: '本月', quarter: '本季度' }

/** The roles that visit, and the source documents' minimum: officer weekly, head monthly, leader quarterly. */
export type VisitorRole = 'officer' | 'dept_head' | 'leader'
export const VISITOR_ROLES: readonly VisitorRole[] = ['officer', 'dept_head', 'leader']
export type VisitFrequency = Record<VisitorRole, Frequency>
export const DEFAULT_VISIT_FREQUENCY: VisitFrequency = { officer: 'week', dept_head: 'month', leader: 'quarter' }

/** VISIT_FREQUENCY=officer:week,dept_head:month,leader:quarter overrides any of the three. */
export function readVisitFrequency(env: Record<string, string | undefined>): VisitFrequency {
  const config = { ...DEFAULT_VISIT_FREQUENCY }
  for (const part of (env.VISIT_FREQUENCY ?? '').split(',').filter(Boolean)) {
    const [role, frequency] = part.split(':').map((s) => s.trim())
    if (!VISITOR_ROLES.includes(role as VisitorRole) || !FREQUENCIES.includes(frequency as Frequency)) {
      throw new Error(
        `VISIT_FREQUENCY: "${part}" should be role:frequency, role one of ${VISITOR_ROLES.join('/')}, frequency one of ${FREQUENCIES.join('/')}`,
      )
    }
    config[role as VisitorRole] = frequency as Frequency
  }
  return config
}

export interface Period {
  frequency: Frequency
  /** 2026-W48, 2026-11, 2026-Q4: also the key of the weekly reminder, so it is sent once. */
  key: string
  /** [from, to) in epoch ms, Beijing calendar. */
  from: number
  to: number
  label: string
}

/** The week (ISO, Monday to Sunday), month or quarter of Beijing's calendar that a moment is in. */
export function periodOf(frequency: Frequency, at: number): Period {
  const local = inZone(at)
  if (frequency === 'week') {
    const start = local.startOf('isoWeek')
    const end = start.add(1, 'week')
    return {
      frequency,
      key: `${local.isoWeekYear()}-W${String(local.isoWeek()).padStart(2, '0')}`,
      from: start.valueOf(),
      to: end.valueOf(),
      label: dayRangeLabel(start.format('YYYY-MM-DD'), end.subtract(1, 'day').format('YYYY-MM-DD'), local.format('YYYY-MM-DD')),
    }
  }
  if (frequency === 'month') {
    const start = local.startOf('month')
    return {
      frequency,
      key: local.format('YYYY-MM'),
      from: start.valueOf(),
      to: start.add(1, 'month').valueOf(),
      label: local.format('YYYY年M月'),
    }
  }
  const start = local.startOf('quarter')
  return {
    frequency,
    key: `${local.year()}-Q${local.quarter()}`,
    from: start.valueOf(),
    to: start.add(1, 'quarter').valueOf(),
    label: `${local.year()}年第${local.quarter()}季度`,
  }
}

/** The periods that reminders look at: the last days of each, when there is still time to go. */
export const REMIND_BEFORE_END: Record<Frequency, number> = { week: 3, month: 7, quarter: 14 }
