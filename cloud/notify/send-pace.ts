import type { Clock } from '../domain/clock'

/** Sends per second allowed for each template; a template not named is not held back. */
export type SendRates = Partial<Record<string, number>>

/** Waits until the moment `at` on the clock; the default sleeps for real, tests move their clock. */
export type SleepUntil = (at: number) => Promise<void>

export const realSleepUntil =
  (clock: Clock): SleepUntil =>
  (at) => {
    const ms = at - clock.now()
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
  }

/**
 * Spaces the sends of each template evenly at its rate: each send reserves the next free slot and
 * waits for it. Slots are kept in whole microseconds, each gap rounded up, so a rate above 1,000 a
 * second is kept too and never exceeded; slots are handed out in the order sends ask, so however
 * many run at once, no second holds more than the rate. The rate is this dispatcher's: two
 * dispatchers at once each keep to it. Answers the moment (ms) the send may go.
 */
export function sendPacer(clock: Clock, rates: SendRates): (template: string) => number {
  const nextFree = new Map<string, number>()
  return (template) => {
    const rate = rates[template]
    const now = clock.now()
    if (!rate || rate <= 0) return now
    const slot = Math.max(now * 1000, nextFree.get(template) ?? 0)
    nextFree.set(template, slot + Math.ceil(1_000_000 / rate))
    return Math.ceil(slot / 1000)
  }
}

/** At most `limit` holders at once; the rest wait their turn in the order they asked. */
export function semaphore(limit: number): () => Promise<() => void> {
  let free = Math.max(1, limit)
  const queue: (() => void)[] = []
  const release = () => {
    // The place passes straight to the next in line, or is given back.
    const next = queue.shift()
    if (next) next()
    else free++
  }
  return async () => {
    if (free > 0) free--
    else await new Promise<void>((resolve) => queue.push(resolve))
    let released = false
    return () => {
      if (released) return
      released = true
      release()
    }
  }
}

/**
 * Turns in a fixed order 0, 1, 2 …: `turn(i)` waits until every earlier one has passed; one may
 * pass before its turn comes (it has nothing to wait for), and is then skipped.
 */
export function turnsInOrder(): { turn(i: number): Promise<void>; pass(i: number): void } {
  let next = 0
  const passed = new Set<number>()
  const waiting = new Map<number, () => void>()
  return {
    turn: (i) => (i <= next ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(i, resolve))),
    pass(i) {
      if (i < next || passed.has(i)) return
      passed.add(i)
      while (passed.has(next)) passed.delete(next++)
      waiting.get(next)?.()
      waiting.delete(next)
    },
  }
}
