import { MINUTE } from '../domain/time-units'

/**
 * The cloud function's one timer trigger (config.json allows a single trigger per function): it
 * fires every minute, dispatches the outbox each time, and runs the supervision sweep on its own
 * cadence, every few minutes.
 */
export const TRIGGER_NAME = 'tick'
export const SWEEP_EVERY_MINUTES = 5

/**
 * Whether an event is the timer. A timer run has no caller: WeChat attaches the caller's OPENID to
 * every call from the mini-program, and a client's callFunction data becomes the event, so a call
 * that carries an OPENID is never a timer, whatever its data says.
 */
export function isTimerRun(event: unknown, openid: string | undefined): boolean {
  if (openid) return false
  const e = event as { Type?: unknown; TriggerName?: unknown } | null
  return typeof e === 'object' && e !== null && e.Type === 'Timer' && e.TriggerName === TRIGGER_NAME
}

/** What this tick does: the outbox always; the sweep on the minutes that are a multiple of its cadence. */
export function timerJobs(now: number): { dispatch: true; sweep: boolean } {
  return { dispatch: true, sweep: Math.floor(now / MINUTE) % SWEEP_EVERY_MINUTES === 0 }
}
