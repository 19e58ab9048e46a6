import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { dispatchOutbox } from '../cloud/notify/dispatch-outbox'
import { notify, type Notification } from '../cloud/notify/notify'
import { readTemplateConfig, type PushSender } from '../cloud/notify/push'
import { systemClock } from '../cloud/domain/clock'
import { openStore } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'
import { seedIfEmpty } from '../cloud/store/seed'
import { generateScale, insertInBatches } from './generate'

/**
 * Dispatching a backlog of queued notifications to a stand-in for WeChat's send API on loopback
 * (an HTTP server that answers errcode 0), with the real clock: throughput, and the delay from
 * the commit that queued each one to its send.
 */
export async function benchOutbox(count = 100_000): Promise<void> {
  const stub = createServer((request, response) => {
    request.resume()
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}'))
  })
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/cgi-bin/message/subscribe/send`
  const sender: PushSender = {
    async send(request) {
      const reply = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: request.openid ?? request.userId,
          template_id: request.templateId,
          page: request.page,
          data: request.data,
        }),
      })
      const body = (await reply.json()) as { errcode: number; errmsg: string }
      return body.errcode === 0 ? { ok: true } : { ok: false, permanent: false, error: body.errmsg }
    },
  }

  const dir = mkdtempSync(join(tmpdir(), 'bangban-bench-outbox-'))
  const store = await openStore(join(dir, 'bench.sqlite'))
  try {
    await migrateToLatest(store)
    await seedIfEmpty(store, systemClock)
    const users = 10_000
    const { ownerIds } = await generateScale(store.db, { enterprises: users, officers: 10, appeals: 0, now: systemClock.now() })
    await insertInBatches(
      store.db,
      'subscription_grants',
      ownerIds.map((user_id) => ({ user_id, template: 'appeal_update', remaining: 1_000, updated_at: 0 })),
    )
    const queued = performance.now()
    for (let start = 0; start < count; start += 5_000) {
      const notifications: Notification[] = Array.from({ length: Math.min(5_000, count - start) }, (_, i) => ({
        userId: ownerIds[(start + i) % users],
        kind: 'appeal.accept',
        title: '您的诉求已受理',
        body: '关于新厂房用电增容的诉求已受理',
        link: '/pages/appeal-detail/index?id=ap-bench',
        dedupeKey: `bench:${start + i}`,
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
    console.log(
      `queued ${count.toLocaleString('en')} notifications (messages and outbox rows) in ${((performance.now() - queued) / 1000).toFixed(1)} s`,
    )

    const started = performance.now()
    let sent = 0
    const deps = {
      db: store.db,
      clock: systemClock,
      sender,
      templates: readTemplateConfig({}),
      log: { info: () => {}, error: console.error },
    }
    // Two dispatchers at once, as two timer invocations would overlap.
    const drain = async () => {
      for (;;) {
        const round = await dispatchOutbox(deps, { batch: 500 })
        sent += round.sent
        if (round.sent + round.skipped + round.failed + round.retried === 0) return
      }
    }
    await Promise.all([drain(), drain()])
    const seconds = (performance.now() - started) / 1000
    const delays = (
      await store.db
        .selectFrom('outbox')
        .select((eb) => eb('sent_at', '-', eb.ref('created_at')).as('delay'))
        .where('state', '=', 'sent')
        .execute()
    )
      .map((r) => Number(r.delay))
      .sort((a, b) => a - b)
    const at = (q: number) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))]
    console.log(
      `dispatched ${sent.toLocaleString('en')} in ${seconds.toFixed(1)} s: ${Math.round(sent / seconds).toLocaleString('en')} per second (two dispatchers, batches of 500, HTTP on loopback)`,
    )
    console.log(
      `delay from commit to send: p50 ${(at(0.5) / 1000).toFixed(1)} s, p95 ${(at(0.95) / 1000).toFixed(1)} s (the whole backlog was queued before the first send)`,
    )
  } finally {
    await store.close()
    stub.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
