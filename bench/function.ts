import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { openStore } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'
import { findPostgres, startCluster } from '../scripts/pg-cluster.mjs'
import { median } from './stats'

const BUNDLE = 'cloud/functions/api/index.js'
const RUNS = 7

/**
 * The cloud function as uploaded: the bundle's size, and a cold start measured as CloudBase makes
 * one, in a fresh Node process each time: requiring the bundle (with the real wx-server-sdk), then
 * its first call (a new WeChat user reading the policy list: settings, the PostgreSQL pool's first
 * connection, the guest's row, the query).
 */
export async function benchFunction(): Promise<void> {
  execFileSync('node', ['scripts/build-function.mjs'], { stdio: 'ignore' })
  const bytes = statSync(BUNDLE).size
  console.log(
    `bundle: ${(bytes / 1024).toFixed(1)} KB (${(gzipSync(readFileSync(BUNDLE)).length / 1024).toFixed(1)} KB gzipped), plus pg and wx-server-sdk installed on upload`,
  )

  const bin = findPostgres()
  if (!bin) {
    console.log('cold start: skipped, PostgreSQL is not installed (bash scripts/ensure-system.sh)')
    return
  }
  const cluster = await startCluster(bin)
  try {
    const store = await openStore(cluster.url)
    await migrateToLatest(store)
    await store.close()
    const script = `
      const t0 = performance.now()
      const { main } = require('./${BUNDLE}')
      const t1 = performance.now()
      main({ action: 'policy.list', payload: { limit: 1 } }).then((reply) => {
        const t2 = performance.now()
        const t3 = performance.now()
        return main({ action: 'policy.list', payload: { limit: 1 } }).then(() => {
          console.log(JSON.stringify({ require: t1 - t0, first: t2 - t1, warm: performance.now() - t3, ok: reply.ok }))
          process.exit(0)
        })
      })`
    const runs = Array.from({ length: RUNS }, (_, i) => {
      const run = spawnSync(process.execPath, ['-e', script], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: cluster.url, WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: `o-bench-cold-${i}` },
      })
      const line = run.stdout.trim().split('\n').pop() ?? ''
      return JSON.parse(line) as { require: number; first: number; warm: number; ok: boolean }
    })
    if (!runs.every((r) => r.ok)) throw new Error('a cold start did not answer ok')
    const ms = (values: number[]) => `${median(values).toFixed(1)} ms`
    console.log(`cold start, median of ${RUNS} fresh processes on PostgreSQL:`)
    console.log(`  require the bundle       ${ms(runs.map((r) => r.require))}`)
    console.log(`  first call               ${ms(runs.map((r) => r.first))}`)
    console.log(`  cold start in all        ${ms(runs.map((r) => r.require + r.first))}`)
    console.log(`  the next call, warm      ${ms(runs.map((r) => r.warm))}`)
  } finally {
    cluster.stop()
  }
}
