import { MINUTE } from '../domain/time-units'

/**
 * The cloud function's one timer trigger (config.json allows a single trigger per function): it
 * fires every TICK_SECONDS, dispatches the outbox each time (a notification waits at most a tick
 * for its send), and runs the supervision sweep on its own cadence, every few minutes.
 */
export const TRIGGER_NAME = 'tick'
export const TICK_SECONDS = 2
export const SWEEP_EVERY_MINUTES = 5
/** How long a tick keeps dispatching (it starts a new round only within this): within the function's 3 s timeout. */
export const DRAIN_BUDGET_MS = 1_500

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

/** What this tick does: the outbox always; the sweep on the first tick of each of its periods. */
export function timerJobs(now: number): { dispatch: true; sweep: boolean } {
  const tick = TICK_SECONDS * 1_000
  return { dispatch: true, sweep: Math.floor(now / tick) % ((SWEEP_EVERY_MINUTES * MINUTE) / tick) === 0 }
}
