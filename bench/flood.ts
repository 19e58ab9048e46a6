import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { systemClock } from '../cloud/domain/clock'
import { openStore } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'
import { seedIfEmpty } from '../cloud/store/seed'
import { serveBench } from './server'

const ANONYMOUS = 1000

/** The flood: QR images and Open311 lists, 50 requests at a time, answering the status codes. */
const FLOOD = `
const { parentPort, workerData } = require('node:worker_threads')
const paths = ['/open311/v2/requests.json', '/codes/checkin/abcdefgh.png', '/open311/v2/services.json']
;(async () => {
  const statuses = []
  for (let i = 0; i < workerData.total; i += 50) {
    const batch = Array.from({ length: 50 }, (_, j) => fetch(workerData.base + paths[(i + j) % paths.length]).then((r) => (r.body?.cancel(), r.status)))
    statuses.push(...(await Promise.all(batch)))
  }
  parentPort.postMessage(statuses)
})()
`
const OWNER_CALLS = 200

/**
 * 1,000 anonymous requests for QR images and Open311 lists, 50 at a time, while a signed-in owner
 * asks auth.me: how many are refused, and what the owner waits (p50, p95). Loopback, one process.
 */
export async function benchFlood(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bangban-flood-'))
  const store = await openStore(join(dir, 'flood.sqlite'))
  try {
    await migrateToLatest(store)
    await seedIfEmpty(store, systemClock)

    const server = await serveBench(store)
    const base = server.url
    const owner = await store.db.selectFrom('users').select('id').where('role', '=', 'owner').executeTakeFirstOrThrow()
    const { token } = await server.login(owner.id)

    // The flood comes from another thread, as it would from another machine: this one only serves.
    const flood = new Promise<number[]>((resolve, reject) => {
      const worker = new Worker(FLOOD, { eval: true, workerData: { base, total: ANONYMOUS } })
      worker.once('message', resolve)
      worker.once('error', reject)
    })
    const times: number[] = []
    for (let i = 0; i < OWNER_CALLS; i++) {
      const start = performance.now()
      const reply = await fetch(`${base}/api/auth.me`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      })
      await reply.text()
      times.push(performance.now() - start)
    }
    const statuses = await flood
    await server.close()
    times.sort((a, b) => a - b)
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1)
    console.log(`anonymous requests: ${statuses.length}, refused (429): ${statuses.filter((s) => s === 429).length}`)
    console.log(`signed-in owner's auth.me meanwhile (${OWNER_CALLS} calls): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`)
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
