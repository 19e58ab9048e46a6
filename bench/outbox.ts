import { fork } from 'node:child_process'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { DRAIN_BUDGET_MS, TICK_SECONDS } from '../cloud/cloudbase/timer'
import { drainOutbox } from '../cloud/notify/dispatch-outbox'
import { notify, type Notification } from '../cloud/notify/notify'
import type { PushSender } from '../cloud/notify/push'
import { systemClock } from '../cloud/domain/clock'
import { openStore } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'
import { seedIfEmpty } from '../cloud/store/seed'
import { generateScale, insertInBatches } from './generate'
import { onBothDatabases } from './databases'
import { benchDispatchDeps, startStubWeChat, stubSender } from './stub-wechat'

/** What the bench lets each template send per second: WeChat's limits are set per deployment. */
const BENCH_RATE = 10_000
/** How long the stub WeChat takes to answer (BENCH_WECHAT_MS), as a call from the cloud would. */
const LATENCY_MS = Number(process.env.BENCH_WECHAT_MS ?? 10)
/** The dispatcher as it was sends one at a time: a sample of the backlog is enough for its rate. */
const OLD_SAMPLE = 2_000
/** The steady stream: notifications a second, for this many seconds. */
const STEADY_RATE = 200
const STEADY_SECONDS = 30

/**
 * Dispatching a backlog of queued notifications to a stand-in for WeChat's send API on loopback
 * (an HTTP server that answers errcode 0), with the real clock, on SQLite and on PostgreSQL:
 * throughput one send at a time (as the dispatcher was) and in parallel within the rate, and the
 * delay from the commit that queued each one to its send.
 */
export async function benchOutbox(count = 100_000): Promise<void> {
  const stub = await startStubWeChat(LATENCY_MS)
  const { sender, close } = stubSender(stub.url)
  try {
    await onBothDatabases('outbox', (name, url) => drainOn(name, url, stub.url, sender, count))
  } finally {
    close()
    stub.stop()
  }
}

async function drainOn(name: string, url: string, stubUrl: string, sender: PushSender, count: number): Promise<void> {
  const store = await openStore(url)
  try {
    await migrateToLatest(store)
    await seedIfEmpty(store, systemClock)
    const users = 10_000
    const { ownerIds } = await generateScale(store.db, { enterprises: users, officers: 10, appeals: 0, now: systemClock.now() })
    await insertInBatches(
      store.db,
      'subscription_grants',
      ownerIds.map((user_id) => ({ user_id, template: 'appeal_update', remaining: 1_000_000, updated_at: 0 })),
    )
    const queue = async (round: string, total: number, first = 0, chunk = 5_000) => {
      const queued = performance.now()
      for (let start = first; start < first + total; start += chunk) {
        const notifications: Notification[] = Array.from({ length: Math.min(chunk, first + total - start) }, (_, i) => ({
          userId: ownerIds[(start + i) % users],
          kind: 'appeal.accept',
          title: '您的诉求已受理',
          body: '关于新厂房用电增容的诉求已受理',
          link: '/pages/appeal-detail/index?id=ap-bench',
          dedupeKey: `bench:${round}:${start + i}`,
          template: 'appeal_update',
          fields: {
            title: `关于新厂房用电增容的诉求（第${start + i}号）`,
            state: '已受理',
            note: '已联系供电所现场勘查',
            at: '2026年11月1日 09:00',
          },
        }))
        await store.db.transaction().execute((trx) => notify(trx, notifications, systemClock.now()))
      }
      return (performance.now() - queued) / 1000
    }
    const deps = benchDispatchDeps(store.db, sender)
    // Two dispatchers at once, as two timer invocations would overlap, each in a process of its
    // own as each invocation is an instance of its own (bench/outbox-dispatcher.ts).
    const drain = async (mode: 'one-at-a-time' | { concurrency: number; rate: number }) => {
      const args = [url, stubUrl, ...(mode === 'one-at-a-time' ? [mode] : [String(mode.concurrency), String(mode.rate)])]
      const dispatchers = [0, 1].map(() => {
        const child = fork(join(__dirname, 'outbox-dispatcher.ts'), args)
        const ready = new Promise<void>((resolve) => child.once('message', () => resolve()))
        const done = new Promise<number>((resolve, reject) => {
          let sent: number | null = null
          child.on('message', (message: { sent?: number }) => (sent = message.sent ?? sent))
          child.on('error', reject)
          child.on('exit', (code) => (code === 0 && sent !== null ? resolve(sent) : reject(new Error(`dispatcher exited with ${code}`))))
        })
        return { child, ready, done }
      })
      // Timed from when both are started and connected: a warm instance's start is not a send's.
      await Promise.all(dispatchers.map((d) => d.ready))
      const started = performance.now()
      for (const d of dispatchers) d.child.send('go')
      const sent = (await Promise.all(dispatchers.map((d) => d.done))).reduce((a, b) => a + b, 0)
      const seconds = (performance.now() - started) / 1000
      return { sent, seconds, perSecond: sent / seconds, ...(await delays()) }
    }
    // Commit → send of what was sent, then the outbox is emptied for the next round.
    const delays = async () => {
      const sorted = (
        await store.db
          .selectFrom('outbox')
          .select((eb) => eb('sent_at', '-', eb.ref('created_at')).as('delay'))
          .where('state', '=', 'sent')
          .execute()
      )
        .map((r) => Number(r.delay))
        .sort((a, b) => a - b)
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
      await store.db.deleteFrom('outbox').execute()
      return { p50: at(0.5) / 1000, p95: at(0.95) / 1000 }
    }
    // A steady stream, committed a tenth of a second's worth at a time, while the dispatcher runs on
    // the CloudBase timer's tick with its budget, as the deployment does.
    const steady = async () => {
      let running = true
      const ticks = (async () => {
        for (let next = performance.now(); running;) {
          await drainOutbox(deps, { rates: { appeal_update: BENCH_RATE } }, DRAIN_BUDGET_MS)
          next += TICK_SECONDS * 1_000
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())))
        }
      })()
      const perTenth = STEADY_RATE / 10
      const started = performance.now()
      for (let n = 0; n < STEADY_SECONDS * 10; n++) {
        await queue('steady', perTenth, n * perTenth, perTenth)
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (n + 1) * 100 - performance.now())))
      }
      // The last tick sends what the stream left; then the dispatcher stops.
      await new Promise((resolve) => setTimeout(resolve, TICK_SECONDS * 1_000 + DRAIN_BUDGET_MS))
      running = false
      await ticks
      return delays()
    }

    await queue('old', Math.min(OLD_SAMPLE, count))
    const old = await drain('one-at-a-time')
    const queued = await queue('new', count)
    const parallel = await drain({ concurrency: 64, rate: BENCH_RATE })
    const stream = await steady()
    const line = (label: string, r: typeof old) =>
      `${label}: ${r.sent.toLocaleString('en')} in ${r.seconds.toFixed(1)} s, ${Math.round(r.perSecond).toLocaleString('en')} per second; commit → send p50 ${r.p50.toFixed(1)} s, p95 ${r.p95.toFixed(1)} s`
    console.log(
      `${name}: queued ${count.toLocaleString('en')} notifications (messages and outbox rows) in ${queued.toFixed(1)} s; two dispatchers in processes of their own, batches of 500, HTTP on loopback answering in ${LATENCY_MS} ms, the whole backlog queued before the first send`,
    )
    console.log(`  ${line('one at a time, as the dispatcher was', old)}`)
    console.log(
      `  ${line(`64 in flight, ${BENCH_RATE.toLocaleString('en')}/s per template`, parallel)} (${(parallel.perSecond / old.perSecond).toFixed(1)}×)`,
    )
    console.log(
      `  steady ${STEADY_RATE}/s for ${STEADY_SECONDS} s, one dispatcher on a ${TICK_SECONDS} s tick (as the CloudBase timer): commit → send p50 ${stream.p50.toFixed(1)} s, p95 ${stream.p95.toFixed(1)} s`,
    )
  } finally {
    await store.close()
  }
}
