import { execFileSync } from 'node:child_process'
import { benchAppeals } from './appeals'
import { benchOutbox } from './outbox'
import { benchPolicies } from './policies'
import { benchVisits } from './visits'
import { kb, MAIN_PACKAGE_BUDGET_KB, weappPackageSizes } from './package-sizes'

/**
 * `npm run bench`: figures, printed, never asserted as timings. BENCH_APPEALS sets how many appeals
 * the store benchmarks generate (default 1,000,000); BENCH_ONLY=sizes|appeals|policies|visits|outbox runs one section.
 */
function packageSizes(): void {
  console.log('== weapp production build: package sizes ==')
  execFileSync('npx', ['taro', 'build', '--type', 'weapp'], { stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } })
  const sizes = weappPackageSizes('dist/weapp')
  for (const pkg of sizes) {
    console.log(`${pkg.name.padEnd(16)} ${String(kb(pkg.bytes)).padStart(8)} KB`)
    for (const f of pkg.largest) console.log(`    ${f.file.padEnd(44)} ${String(kb(f.bytes)).padStart(8)} KB`)
  }
  const total = sizes.reduce((sum, p) => sum + p.bytes, 0)
  console.log(`${'total'.padEnd(16)} ${String(kb(total)).padStart(8)} KB`)
  console.log(`main package budget: ${MAIN_PACKAGE_BUDGET_KB} KB (WeChat's limit: 2048 KB)`)
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY
  if (!only || only === 'sizes') packageSizes()
  if (!only || only === 'appeals') {
    console.log('\n== appeals: reads over a large store (SQLite, in-process) ==')
    await benchAppeals(Number(process.env.BENCH_APPEALS ?? 1_000_000))
  }
  if (!only || only === 'policies') {
    console.log('\n== policies: search, recommendation and reach (SQLite, in-process) ==')
    await benchPolicies()
  }
  if (!only || only === 'visits') {
    console.log('\n== visits: 走访达标 for 100 officers × 1,000 enterprises over a year (SQLite, in-process) ==')
    await benchVisits()
  }
  if (!only || only === 'outbox') {
    console.log('\n== outbox: dispatching queued notifications to a stub WeChat on loopback ==')
    await benchOutbox(Number(process.env.BENCH_NOTIFICATIONS ?? 100_000))
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
