import { DAY } from '../cloud/domain/time-units'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { listPolicies } from '../cloud/actions/policy/list-policies'
import { policyReach } from '../cloud/actions/policy/policy-reach'
import { recommendPolicies } from '../cloud/actions/policy/recommend-policies'
import { fixedClock } from '../cloud/domain/clock'
import { POLICY_CATEGORIES } from '../cloud/domain/policy'
import { ENTERPRISE_KINDS, ENTERPRISE_TAGS, INDUSTRY_CHOICES, INDUSTRY_SECTORS } from '../cloud/domain/policy-match'
import { openStore } from '../cloud/store/connect'
import { listPublishedPolicies, type PolicyFilter } from '../cloud/store/repositories/policies'
import { sql } from 'kysely'
import { migrateToLatest } from '../cloud/store/migrate'
import { parsePolicyFile } from '../cloud/store/policy-file'
import { seedIfEmpty } from '../cloud/store/seed'
import { benchContext } from './context'
import { generateScale, insertInBatches, prng } from './generate'
import { measure, ms } from './stats'
import { onBothDatabases } from './databases'

// PostgreSQL indexes about 1,700 pieces of each policy's text (0034), some 5 ms a policy: a
// statement of 1,000 would pass the store's 15 s statement timeout.
const POLICIES_PER_STATEMENT = 250

const INDUSTRIES = [...new Set(Object.values(INDUSTRY_SECTORS).flat())]
const SEARCH_WORDS = [
  '退税',
  '缓缴',
  '贷款',
  '补贴',
  '专精特新',
  '社保',
  '留抵',
  '技改',
  '物流',
  '担保',
  '高新技术',
  '用工',
  '制造业 缓税',
  '信用 贷款',
]

/**
 * Search, 为我推荐 and 政策触达 over 5,000 policies and 100,000 enterprises, in-process, on SQLite
 * and on PostgreSQL. The policies are the seeded explainers varied in title, audience and dates, so
 * bodies are real text of real length; a fifth of the enterprises have read some of them.
 */
export async function benchPolicies(policies = 5_000, enterprises = 100_000): Promise<void> {
  await onBothDatabases('policies', (name, url) => policiesOn(name, url, policies, enterprises))
}

async function policiesOn(name: string, url: string, policies: number, enterprises: number): Promise<void> {
  const store = await openStore(url)
  try {
    await migrateToLatest(store)
    const now = Date.parse('2026-11-01T09:00:00+08:00')
    const clock = fixedClock(now)
    await seedIfEmpty(store, clock)
    const random = prng(5000)

    const started = performance.now()
    const { officerIds, ownerIds } = await generateScale(store.db, {
      enterprises,
      officers: 200,
      appeals: 0,
      now,
      profile: (_i, r) => ({
        industry: INDUSTRIES[Math.floor(r() * INDUSTRIES.length)],
        kind: ENTERPRISE_KINDS[Math.floor(r() * 4)],
        tags: r() < 0.2 ? [ENTERPRISE_TAGS[Math.floor(r() * ENTERPRISE_TAGS.length)]] : [],
      }),
    })
    const rows = benchPolicyRows(policies, now, random)
    await insertInBatches(store.db, 'policies', rows, POLICIES_PER_STATEMENT)
    const views = new Map<string, Record<string, unknown>>()
    for (let i = 0; i < enterprises / 5; i++) {
      const e = Math.floor(random() * enterprises)
      const view = {
        policy_id: `pol-bench-${Math.floor(random() * policies)}`,
        user_id: ownerIds[e],
        day: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`,
        enterprise_id: `ent-bench-${e}`,
        at: now,
      }
      views.set(`${view.policy_id}|${view.user_id}|${view.day}`, view)
    }
    await insertInBatches(store.db, 'policy_views', [...views.values()])
    if (store.dialect === 'postgres') await sql`vacuum analyze`.execute(store.db)
    console.log(
      `${name}: generated ${policies.toLocaleString('en')} policies and ${enterprises.toLocaleString('en')} enterprises in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )

    const context = (userId: string) => benchContext(store.db, clock, userId)
    const owners = await Promise.all(ownerIds.filter((_, i) => i % 500 === 0).map(context))
    const officers = await Promise.all(officerIds.slice(0, 20).map(context))
    const leader = await context('u-leader-01')

    const figures = [
      [
        'search (1–2 words)',
        await measure(200, (i) =>
          listPolicies(owners[i % owners.length], { keyword: SEARCH_WORDS[i % SEARCH_WORDS.length], sort: 'latest', limit: 20, offset: 0 }),
        ),
      ],
      ['search, bare query: index', await measure(200, (i) => listPublishedPolicies(store.db, searchFilter(i, 'index')))],
      ['search, bare query: scan', await measure(100, (i) => listPublishedPolicies(store.db, searchFilter(i, 'scan')))],
      [
        'latest, by category',
        await measure(200, (i) =>
          listPolicies(owners[i % owners.length], {
            category: POLICY_CATEGORIES[i % POLICY_CATEGORIES.length],
            sort: 'latest',
            limit: 20,
            offset: 0,
          }),
        ),
      ],
      ['为我推荐', await measure(200, (i) => recommendPolicies(owners[i % owners.length]))],
      [
        '政策触达 (officer)',
        await measure(100, (i) => policyReach(officers[i % officers.length], { id: `pol-bench-${(i * 37) % policies}` })),
      ],
      ['政策触达 (leader, all)', await measure(50, (i) => policyReach(leader, { id: `pol-bench-${(i * 53) % policies}` }))],
    ] as const
    console.log(`read (${name})`.padEnd(27) + '      p50        p95        p99')
    for (const [label, t] of figures)
      console.log(`${label.padEnd(26)} ${ms(t.p50).padStart(9)}  ${ms(t.p95).padStart(9)}  ${ms(t.p99).padStart(9)}`)
  } finally {
    await store.close()
  }
}

/**
 * `count` policies made from the seeded explainers, varied in title, category, audience and dates,
 * so bodies are real text of real length.
 */
function benchPolicyRows(count: number, now: number, random: () => number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
  const some = <T>(list: readonly T[], chance: number, max: number) =>
    random() < chance ? [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list)))] : []
  const models = readdirSync('seeds/policies')
    .filter((f) => f.endsWith('.md'))
    .map((f) => parsePolicyFile(f, readFileSync(join('seeds/policies', f), 'utf8'), now))
  return Array.from({ length: count }, (_, n) => {
    const model = models[n % models.length]
    const published = new Date(now - Math.floor(random() * 4 * 365) * DAY).toISOString().slice(0, 10)
    return {
      ...model,
      id: `pol-bench-${n}`,
      title: `${model.title}（第${n}号）`,
      category: pick(POLICY_CATEGORIES),
      industries: JSON.stringify(some(INDUSTRY_CHOICES, 0.5, 3)),
      kinds: JSON.stringify(some(ENTERPRISE_KINDS, 0.5, 2)),
      enterprise_tags: JSON.stringify(some(ENTERPRISE_TAGS, 0.1, 1)),
      published_at: published,
      effective_from: published,
      expires_at: random() < 0.4 ? new Date(now + Math.floor((random() - 0.3) * 365) * DAY).toISOString().slice(0, 10) : null,
    }
  })
}

/** One search word (or two) per call, the first page of 20, as 政策 search asks. */
const searchFilter = (i: number, via: 'index' | 'scan'): PolicyFilter => ({
  keyword: SEARCH_WORDS[i % SEARCH_WORDS.length],
  sort: 'latest',
  via,
  today: '2026-11-01',
  expiringBy: '2026-12-01',
  limit: 20,
  offset: 0,
})

/**
 * Policy search through the index beside the scan it replaced (the same query with the index
 * bypassed), at 5,000 and 50,000 policies, on SQLite and on PostgreSQL.
 */
export async function benchPolicySearch(sizes = [5_000, 50_000]): Promise<void> {
  await onBothDatabases('search', async (name, url) => {
    for (const size of sizes) {
      // A store per size, so the larger one starts from an empty table and fresh indexes: a file
      // of its own on SQLite, a schema of its own on PostgreSQL.
      if (name === 'SQLite') {
        await searchOn(name, join(dirname(url), `search-${size}.sqlite`), size)
        continue
      }
      const admin = await openStore(url)
      await sql`create schema ${sql.id(`search_${size}`)}`.execute(admin.db)
      await admin.close()
      await searchOn(name, `${url}?options=${encodeURIComponent(`-c search_path=search_${size}`)}`, size, `search_${size}`)
    }
  })
}

async function searchOn(name: string, url: string, size: number, schema?: string): Promise<void> {
  const store = { ...(await openStore(url)), ...(schema ? { schema } : {}) }
  try {
    await migrateToLatest(store)
    const now = Date.parse('2026-11-01T09:00:00+08:00')
    const started = performance.now()
    await insertInBatches(store.db, 'policies', benchPolicyRows(size, now, prng(size)), POLICIES_PER_STATEMENT)
    if (store.dialect === 'postgres') await sql`analyze policies`.execute(store.db)
    const loaded = ((performance.now() - started) / 1000).toFixed(1)
    const indexed = await measure(200, (i) => listPublishedPolicies(store.db, searchFilter(i, 'index')))
    // The scan is slow at 50,000: fewer rounds, still every word several times.
    const scanned = await measure(size > 10_000 ? 42 : 140, (i) => listPublishedPolicies(store.db, searchFilter(i, 'scan')))
    console.log(
      `${name.padEnd(10)} ${size.toLocaleString('en').padStart(6)} policies (loaded and indexed in ${loaded} s): ` +
        `index p50 ${ms(indexed.p50)}, p95 ${ms(indexed.p95)}; scan p50 ${ms(scanned.p50)}, p95 ${ms(scanned.p95)}; ` +
        `${(scanned.p95 / indexed.p95).toFixed(1)}× faster at p95`,
    )
  } finally {
    await store.close()
  }
}
