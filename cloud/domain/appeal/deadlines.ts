import { DAY, HOUR, beijingMoment, inZone } from '../clock'
import { badRequest } from '../errors'
import { endOfWorkingDaysAfter } from '../working-days'
import { PAUSED } from './rules'

/**
 * The time limits of the DESIGN rules, as configuration: accept within 1 day and close within 3;
 * urgent matters within 2 and 24 hours. Days are calendar days (exactly 24 h each) or working days
 * (to the end of the n-th working day after, skipping weekends and public holidays, counting 调休).
 * Hours are always hours: an urgent matter does not wait for Monday.
 */
export interface DeadlineConfig {
  dayMode: 'calendar' | 'working'
  acceptDays: number
  closeDays: number
  /** A 差评 is rectified (整改) within this many working days, whatever the day mode (Sichuan's rule: 15). */
  rectifyWorkingDays: number
  urgentAcceptHours: number
  urgentCloseHours: number
  /** The furthest a complex appeal's or an extension's deadline may be set, in calendar days. */
  maxDays: number
  /** A resolved appeal nobody rated closes by itself after this many calendar days. */
  autoCloseDays: number
}

export const DEFAULT_DEADLINES: DeadlineConfig = {
  dayMode: 'calendar',
  acceptDays: 1,
  closeDays: 3,
  rectifyWorkingDays: 15,
  urgentAcceptHours: 2,
  urgentCloseHours: 24,
  maxDays: 30,
  autoCloseDays: 7,
}

/** What the office promises, in words, from the rule in force: the forms and 12345 show this. */
export interface DeadlinePromise {
  /** 24 小时内受理 / 1 个工作日内受理 */
  accept: string
  /** 3 日内办结 / 3 个工作日内办结 */
  close: string
  /** 紧急事项 2 小时内受理、24 小时内办结 */
  urgent: string
  /** The two halves of `urgent` on their own (2 小时内受理, 24 小时内办结), for a page that lists them apart. */
  urgentAccept: string
  urgentClose: string
}

export function deadlinePromise(config: DeadlineConfig): DeadlinePromise {
  const days = (n: number) => (config.dayMode === 'working' ? `${n} 个工作日` : n === 1 ? '24 小时' : `${n} 日`)
  const urgentAccept = `${config.urgentAcceptHours} 小时内受理`
  const urgentClose = `${config.urgentCloseHours} 小时内办结`
  return {
    accept: `${days(config.acceptDays)}内受理`,
    close: `${days(config.closeDays)}内办结`,
    urgent: `紧急事项 ${urgentAccept}、${urgentClose}`,
    urgentAccept,
    urgentClose,
  }
}

/** The configuration a host runs with: DEADLINE_DAYS=working switches to working days. */
export function readDeadlineConfig(env: Record<string, string | undefined>): DeadlineConfig {
  const mode = env.DEADLINE_DAYS ?? 'calendar'
  if (mode !== 'calendar' && mode !== 'working') throw new Error(`DEADLINE_DAYS must be calendar or working, not ${mode}`)
  return { ...DEFAULT_DEADLINES, dayMode: mode }
}

function afterDays(from: number, days: number, config: DeadlineConfig): number {
  return config.dayMode === 'working' ? endOfWorkingDaysAfter(from, days) : from + days * DAY
}

export function initialDeadlines(submittedAt: number, urgency: 'normal' | 'urgent', config = DEFAULT_DEADLINES) {
  return urgency === 'urgent'
    ? { acceptDueAt: submittedAt + config.urgentAcceptHours * HOUR, closeDueAt: submittedAt + config.urgentCloseHours * HOUR }
    : { acceptDueAt: afterDays(submittedAt, config.acceptDays, config), closeDueAt: afterDays(submittedAt, config.closeDays, config) }
}

/** After a 差评, the rectification (整改) is due at the end of the n-th working day after it. */
export const rectifyDeadline = (ratedAt: number, config = DEFAULT_DEADLINES) => endOfWorkingDaysAfter(ratedAt, config.rectifyWorkingDays)

/**
 * A 请帮我办 request for a catalogue item whose window publishes a limit in working days: that
 * limit is its close deadline (the time to accept stays the general one). Without one, the general rule.
 */
export function proxyDeadlines(submittedAt: number, itemWorkingDays: number | null, config = DEFAULT_DEADLINES) {
  const general = initialDeadlines(submittedAt, 'normal', config)
  return itemWorkingDays ? { ...general, closeDueAt: endOfWorkingDaysAfter(submittedAt, itemWorkingDays) } : general
}

/** Where the clock of an appeal stands: its close deadline and its pause, as stored. */
export interface ClockFacts {
  close_due_at: number
  paused_at: number | null
  paused_ms: number
  pause_count: number
}

/**
 * What a move does to the clock (待补充). Entering the paused state, which only the enterprise's
 * confirmation does, stops it; any move out of it starts it again with the time that was left: the
 * close deadline moves by exactly the length of the pause, which is added to the appeal's total and
 * answered as `pausedMs` for the timeline. Every other move leaves the clock alone.
 */
export function clockChanges(
  from: string,
  to: string,
  clock: ClockFacts,
  now: number,
): { changes: Partial<ClockFacts>; pausedMs: number | null } {
  const wasPaused = from === PAUSED && clock.paused_at !== null
  const pauses = to === PAUSED
  if (!wasPaused && pauses) return { changes: { paused_at: now, pause_count: clock.pause_count + 1 }, pausedMs: null }
  if (wasPaused && !pauses) {
    const length = Math.max(0, now - clock.paused_at!)
    return {
      changes: { paused_at: null, close_due_at: clock.close_due_at + length, paused_ms: clock.paused_ms + length },
      pausedMs: length,
    }
  }
  return { changes: {}, pausedMs: null }
}

/** After 改派 the department now holding it gets the full time again, from the re-dispatch. */
export const redispatchDeadlines = (at: number, config = DEFAULT_DEADLINES) => initialDeadlines(at, 'normal', config)

/** Resolved before this moment and still unrated: the sweep closes it. */
export const autoCloseBefore = (now: number, config = DEFAULT_DEADLINES) => now - config.autoCloseDays * DAY

/**
 * A chosen close date (a complex appeal at acceptance, an extension): the end of that day in
 * Beijing, later than `notBefore`, and no later than the day `maxDays` from today.
 */
export function chosenCloseDeadline(closeBy: string, now: number, config = DEFAULT_DEADLINES, notBefore = now): number {
  const end = beijingMoment(`${closeBy} 23:59:59.999`).valueOf()
  if (!(end > notBefore))
    throw badRequest(notBefore === now ? '「办结期限」(closeBy)：应晚于现在' : '「办结期限」(closeBy)：应晚于现在的办结期限', 'closeBy')
  const latest = inZone(now).add(config.maxDays, 'day').endOf('day').valueOf()
  if (end > latest) throw badRequest(`「办结期限」(closeBy)：最长 ${config.maxDays} 天`, 'closeBy')
  return end
}
