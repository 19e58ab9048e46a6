import autocannon from 'autocannon'
import { sql } from 'kysely'
import { performance } from 'node:perf_hooks'
import { systemClock } from '../cloud/domain/clock'
import { DAILY_LIMITS } from '../cloud/domain/limits'
import { openStore, type Store } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'
import { seedIfEmpty } from '../cloud/store/seed'
import { generateScale } from './generate'
import { serveBench, type BenchServer } from './server'
import { trafficMix, type Action, type Owner } from './load-traffic'
import { onBothDatabases } from './databases'

const ENTERPRISES = 10_000
const APPEALS = 100_000
const OWNERS = 500
const OFFICERS = 50
// Two cores run the server, the load generator and (on PostgreSQL) the database: more connections
// would only lengthen the queue.
const CONNECTIONS = 20
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 15)
// PostgreSQL connections of the server's pool: the local host's default unless BENCH_LOAD_POOL says otherwise.
const POOL = process.env.BENCH_LOAD_POOL ? Number(process.env.BENCH_LOAD_POOL) : undefined
// BENCH_LOAD_STATS=1: PostgreSQL's own account of the run (pg_stat_statements), planning apart from
// execution. Off by default, as the tracking costs a little on every statement.
const STATS = Boolean(process.env.BENCH_LOAD_STATS)

/**
 * The local server under load on loopback: owners and officers reading and owners filing, over the
 * seeded town plus 10,000 enterprises and 100,000 appeals, on SQLite and on PostgreSQL. autocannon
 * runs in this process, beside the server, as a phone's requests would not; its share of the CPU
 * is small next to the server's, but the figures are a floor, not a ceiling.
 */
export async function benchLoad(): Promise<void> {
  // BENCH_LOAD_DB=sqlite|postgres runs one of the two (a pool size tried on PostgreSQL alone).
  const only = process.env.BENCH_LOAD_DB
  const throughput = new Map<string, number>()
  await onBothDatabases(
    'load',
    async (name, url) => {
      throughput.set(name, await loadOn(name === 'PostgreSQL' && POOL ? `PostgreSQL (pool ${POOL})` : name, url))
    },
    only === 'sqlite' ? 'SQLite' : only === 'postgres' ? 'PostgreSQL' : undefined,
    STATS ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track_planning': 'on' } : undefined,
  )
  const [sqlite, postgres] = [throughput.get('SQLite'), throughput.get('PostgreSQL')]
  if (sqlite && postgres)
    console.log(`PostgreSQL at ${(postgres / sqlite).toFixed(2)}× SQLite's requests a second (target ≥ 0.8×, p99 < 100 ms)`)
}

/** The mix on one database; answers its requests a second. */
async function loadOn(name: string, url: string): Promise<number> {
  // The statements sent while `sent` is a list (begin and commit included): round trips per request.
  let sent: string[] | null = null
  const store = await openStore(url, { poolSize: POOL, onQuery: (statement) => sent?.push(statement) })
  try {
    await migrateToLatest(store)
    await seedIfEmpty(store, systemClock)
    const started = performance.now()
    const { officerIds } = await generateScale(store.db, {
      enterprises: ENTERPRISES,
      officers: 200,
      appeals: APPEALS,
      now: systemClock.now(),
    })
    // Fresh statistics, as autovacuum would have gathered them by the time a real store is this big.
    if (store.dialect === 'postgres') await sql`analyze`.execute(store.db)
    console.log(
      `${name}: generated ${ENTERPRISES.toLocaleString('en')} enterprises and ${APPEALS.toLocaleString('en')} appeals in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )

    const server = await serveBench(store)
    try {
      const owners = await signInOwners(server, store)
      const officers = await Promise.all(officerIds.slice(0, OFFICERS).map(async (id) => server.token(id)))
      const traffic = trafficMix(owners, officers)
      await run(server.url, traffic, 3) // warm-up: JIT, caches, the pool's connections
      await new Promise((resolve) => setTimeout(resolve, 1000)) // the warm-up's last requests finish
      const perRequest = await statementsPerRequest(server.url, traffic, (list) => (sent = list))
      console.log(
        `${name}: statements per request (one at a time, the identity lookup and begin/commit included): ` +
          [...perRequest].map(([action, { statements }]) => `${action} ${statements}`).join(', '),
      )
      if (process.env.BENCH_VERBOSE)
        for (const [action, { sample }] of perRequest) console.log(`  ${action}:\n    ${sample.map((q) => q.slice(0, 140)).join('\n    ')}`)
      const tracked = STATS && store.dialect === 'postgres'
      if (tracked) await sql`create extension if not exists pg_stat_statements; select pg_stat_statements_reset()`.execute(store.db)
      const { result, latencies, byAction, failures } = await run(server.url, traffic, SECONDS)
      if (traffic.filed() / owners.length > DAILY_LIMITS.appeals)
        console.log(`  (${traffic.filed()} filings over ${owners.length} owners passes the daily limit: expect 429s)`)

      console.log(
        `${name}: ${CONNECTIONS} connections for ${SECONDS} s: ${Math.round(result.requests.average).toLocaleString('en')} requests/s, ` +
          `p50 ${pct(latencies, 0.5)} ms, p95 ${pct(latencies, 0.95)} ms, p99 ${pct(latencies, 0.99)} ms; ` +
          `${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx of ${result.requests.total.toLocaleString('en')}`,
      )
      for (const [action, list] of byAction) {
        console.log(
          `  ${action.padEnd(16)} ${String(list.length).padStart(7)}   p50 ${pct(list, 0.5).padStart(6)} ms   p95 ${pct(list, 0.95).padStart(6)} ms   p99 ${pct(list, 0.99).padStart(6)} ms`,
        )
      }
      for (const [key, { count, sample }] of failures) console.log(`  non-2xx ${key} ×${count}: ${sample}`)
      if (tracked) await printStatementTimes(store)
      // autocannon drops its sockets at the end, not the requests the server is still working on:
      // let those finish before the store closes under them.
      await new Promise((resolve) => setTimeout(resolve, 1000))
      return result.requests.average
    } finally {
      await server.close()
    }
  } finally {
    await store.close()
  }
}

/** Dev-login tokens of OWNERS generated owners whose enterprise has an appeal (owner i is ent-bench-i's). */
async function signInOwners(server: BenchServer, store: Store): Promise<Owner[]> {
  const enterpriseIds = Array.from({ length: OWNERS * 2 }, (_, i) => `ent-bench-${i}`)
  const rows = await store.db
    .selectFrom('appeals')
    .select(['enterprise_id', (eb) => eb.fn.min('id').as('id')])
    .where('enterprise_id', 'in', enterpriseIds)
    .groupBy('enterprise_id')
    .execute()
  const firstAppeal = new Map(rows.map((row) => [row.enterprise_id, String(row.id)]))
  const indexes = enterpriseIds.flatMap((id, i) => (firstAppeal.has(id) ? [i] : [])).slice(0, OWNERS)
  return Promise.all(
    indexes.map(async (i) => ({
      token: await server.token(`u-bench-owner-${i}`),
      appealId: firstAppeal.get(`ent-bench-${i}`) as string,
    })),
  )
}

/** One autocannon run; latencies overall and by action, and a sample body of each kind of failure. */
function run(url: string, traffic: ReturnType<typeof trafficMix>, duration: number) {
  const latencies: number[] = []
  const byAction = new Map<Action, number[]>()
  const failures = new Map<string, { count: number; sample: string }>()
  // autocannon calls a request's onResponse just before it emits 'response' with the latency.
  let last: Action = 'appeal.listMine'
  traffic.onResponse((action, status, body) => {
    last = action
    if (status < 300) return
    const seen = failures.get(`${action} ${status}`) ?? { count: 0, sample: body.slice(0, 200) }
    failures.set(`${action} ${status}`, { ...seen, count: seen.count + 1 })
  })
  return new Promise<{ result: autocannon.Result; latencies: number[]; byAction: typeof byAction; failures: typeof failures }>(
    (resolve, reject) => {
      const instance = autocannon({ url, connections: CONNECTIONS, duration, requests: traffic.requests }, (error, result) =>
        error ? reject(error) : resolve({ result, latencies, byAction, failures }),
      )
      instance.on('response', (_client, _status, _bytes, ms) => {
        latencies.push(ms)
        const list = byAction.get(last) ?? []
        list.push(ms)
        byAction.set(last, list)
      })
    },
  )
}

/**
 * Each kind of request of the mix sent alone, a few times, counting the statements the server sends
 * meanwhile: their mean, and the statements of the last one.
 */
async function statementsPerRequest(url: string, traffic: ReturnType<typeof trafficMix>, record: (list: string[] | null) => void) {
  const counts = new Map<string, { statements: number; sample: string[] }>()
  const kinds = [...new Map(traffic.requests.map((request) => [request.path as string, request])).values()]
  const times = 10
  for (const request of kinds) {
    let total = 0
    let sample: string[] = []
    for (let i = 0; i < times; i++) {
      const setup = request.setupRequest as (request: autocannon.Request, context: object) => autocannon.Request
      const { headers, body } = setup({ ...request }, {})
      const list: string[] = []
      record(list)
      await fetch(`${url}${request.path}`, { method: 'POST', headers: headers as Record<string, string>, body: body as string })
      record(null)
      total += list.length
      sample = list
    }
    counts.set((request.path as string).replace('/api/', ''), { statements: total / times, sample })
  }
  return counts
}

/** The statements PostgreSQL spent most time on during the run, planning and executing. */
async function printStatementTimes(store: Store): Promise<void> {
  const { rows } = await sql<{ calls: number; plan: number; exec: number; query: string }>`
    select calls, total_plan_time as plan, total_exec_time as exec,
           left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 110) as query
    from pg_stat_statements where query not like '%pg_stat_statements%'
    order by total_plan_time + total_exec_time desc limit 12`.execute(store.db)
  const sum = (key: 'plan' | 'exec') => rows.reduce((total, row) => total + row[key], 0)
  console.log(
    `  PostgreSQL's time in the run's top statements: planning ${sum('plan').toFixed(0)} ms, executing ${sum('exec').toFixed(0)} ms`,
  )
  for (const row of rows)
    console.log(
      `  ${String(row.calls).padStart(7)} calls   plan ${row.plan.toFixed(0).padStart(5)} ms   exec ${row.exec.toFixed(0).padStart(5)} ms   ${row.query}`,
    )
}

function pct(values: number[], q: number): string {
  if (!values.length) return '-'
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1)
}
