import { performance } from 'node:perf_hooks'

/** Runs `fn` `iterations` times (after a short warm-up) and answers p50 / p95 / p99 in milliseconds. */
export async function measure(iterations: number, fn: (i: number) => Promise<unknown> | unknown) {
  for (let i = 0; i < Math.min(20, iterations); i++) await fn(i)
  const times: number[] = []
  for (let i = 0; i < iterations; i++) {
    const start = performance.now()
    await fn(i)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) }
}

export const ms = (value: number) => `${value.toFixed(2)} ms`

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
