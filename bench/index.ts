import { execFileSync } from 'node:child_process'
import { benchAppeals } from './appeals'
import { benchAppealsOnPostgres } from './appeals-postgres'
import { benchBulletin } from './bulletin'
import { benchLoad } from './load'
import { benchOutbox } from './outbox'
import { benchPolicies, benchPolicySearch } from './policies'
import { benchVisits } from './visits'
import { benchSweep } from './sweep'
import { benchFunction } from './function'
import { benchFlood } from './flood'
import { BARE_APP, benchFirstPaint, taro } from './first-paint'
import { chunkRole, kb, MAIN_PACKAGE_BUDGET_KB, weappFiles, weappPackageSizes } from './package-sizes'

/**
 * `npm run bench`: figures, printed, never asserted as timings. BENCH_APPEALS sets how many appeals
 * the store benchmarks generate (default 1,000,000), BENCH_OFFICERS among how many officers (200); BENCH_ONLY=sizes|appeals|appeals-postgres|sweep|policies|visits|bulletin|outbox|function|flood|load|first-paint
 * runs one section.
 */
function packageSizes(): void {
  console.log('== weapp production build: package sizes ==')
  execFileSync(taro, ['build', '--type', 'weapp'], { stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } })
  const sizes = weappPackageSizes('dist/weapp')
  // The same files in the bare one-page app, built the same way, say what is ours and what is Taro's.
  execFileSync(taro, ['build', '--type', 'weapp'], { cwd: BARE_APP, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } })
  const bare = new Map(weappFiles(`${BARE_APP}/dist/weapp`).map((f) => [f.file, f.bytes]))
  for (const pkg of sizes) {
    console.log(`${pkg.name.padEnd(16)} ${String(kb(pkg.bytes)).padStart(8)} KB`)
    for (const f of pkg.largest) {
      const inBare = bare.has(f.file) ? `bare ${kb(bare.get(f.file) ?? 0)} KB` : ''
      console.log(
        `    ${f.file.padEnd(44)} ${String(kb(f.bytes)).padStart(8)} KB  ${inBare.padEnd(14)} ${pkg.name === 'main' ? chunkRole(f.file) : ''}`,
      )
    }
    if (pkg.name === 'main') {
      const ours = weappFiles('dist/weapp')
      const sum = (dir: string, list: { file: string; bytes: number }[]) =>
        kb(list.filter((f) => f.file.startsWith(dir)).reduce((n, f) => n + f.bytes, 0))
      console.log(
        `    ${'pages/ (each main page: js, wxss, wxml, json)'.padEnd(44)} ${String(sum('pages/', ours)).padStart(8)} KB  bare ${sum(
          'pages/',
          [...bare].map(([file, bytes]) => ({ file, bytes })),
        )} KB`,
      )
      console.log(`    ${'assets/ (tab bar icons)'.padEnd(44)} ${String(sum('assets/', ours)).padStart(8)} KB`)
    }
  }
  const total = sizes.reduce((sum, p) => sum + p.bytes, 0)
  console.log(`${'total'.padEnd(16)} ${String(kb(total)).padStart(8)} KB`)
  console.log(`main package budget: ${MAIN_PACKAGE_BUDGET_KB} KB (WeChat's limit: 2048 KB)`)
  // What WeChat's own tools count, with compression on: the figure the budget is checked against.
  const wechat = JSON.parse(
    execFileSync('node', ['scripts/wechat-check.mjs', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')
      .pop()!,
  )
  for (const p of wechat.packages as { name: string; bytes: number }[])
    console.log(`as WeChat counts it: ${p.name.padEnd(16)} ${kb(p.bytes)} KB`)
  const bareMain = weappPackageSizes(`${BARE_APP}/dist/weapp`)[0]
  console.log(
    `bare one-page Taro + React + NutUI app, main package: ${kb(bareMain.bytes)} KB; ours/bare: ${(sizes[0].bytes / bareMain.bytes).toFixed(2)}×`,
  )
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY
  if (!only || only === 'sizes') packageSizes()
  if (!only || only === 'appeals') {
    console.log('\n== appeals: reads over a large store (SQLite, in-process) ==')
    await benchAppeals(Number(process.env.BENCH_APPEALS ?? 1_000_000))
  }
  if (!only || only === 'appeals-postgres') {
    console.log('\n== appeals: the same reads over a large store on PostgreSQL (in-process, a throwaway cluster) ==')
    await benchAppealsOnPostgres(Number(process.env.BENCH_APPEALS ?? 1_000_000))
  }
  if (!only || only === 'sweep') {
    console.log('\n== supervision sweep: 10,000 due steps over 40,000 appeals (in-process), against writing them step by step ==')
    await benchSweep()
  }
  if (!only || only === 'policies') {
    console.log('\n== policies: search, recommendation and reach (SQLite and PostgreSQL, in-process) ==')
    await benchPolicies()
    console.log('\n== policy search: the index beside the scan it replaced, at 5,000 and 50,000 policies ==')
    await benchPolicySearch()
  }
  if (!only || only === 'visits') {
    console.log('\n== visits: 走访达标 for 100 officers × 1,000 enterprises over a year (SQLite, in-process) ==')
    await benchVisits()
  }
  if (!only || only === 'bulletin') {
    console.log('\n== 一月一通报 with every department section: 10,000 enterprises and 500 projects over a year (SQLite, PostgreSQL) ==')
    await benchBulletin()
  }
  if (!only || only === 'outbox') {
    console.log('\n== outbox: dispatching queued notifications to a stub WeChat on loopback ==')
    await benchOutbox(Number(process.env.BENCH_NOTIFICATIONS ?? 100_000))
  }
  if (!only || only === 'first-paint') {
    console.log('\n== H5 first screen: ours against a bare one-page Taro + React + NutUI app ==')
    await benchFirstPaint()
  }
  if (!only || only === 'function') {
    console.log('\n== the cloud function as uploaded: bundle size and cold start ==')
    await benchFunction()
  }
  if (!only || only === 'flood') {
    console.log('\n== a flood of anonymous requests against a signed-in owner (local host, loopback) ==')
    await benchFlood()
  }
  if (!only || only === 'load') {
    console.log('\n== load: the local server on loopback, owners and officers reading and filing (autocannon) ==')
    await benchLoad()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
