import { DAY } from '../cloud/domain/time-units'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { listPolicies } from '../cloud/actions/policy/list-policies'
import { policyReach } from '../cloud/actions/policy/policy-reach'
import { recommendPolicies } from '../cloud/actions/policy/recommend-policies'
import { fixedClock } from '../cloud/domain/clock'
import { POLICY_CATEGORIES } from '../cloud/domain/policy'
import { ENTERPRISE_KINDS, ENTERPRISE_TAGS, INDUSTRY_CHOICES, INDUSTRY_SECTORS } from '../cloud/domain/policy-match'
import { openStore } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'
import { parsePolicyFile } from '../cloud/store/policy-file'
import { seedIfEmpty } from '../cloud/store/seed'
import { benchContext } from './context'
import { generateScale, insertInBatches, prng } from './generate'
import { measure, ms } from './stats'

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
 * Search, 为我推荐 and 政策触达 over 5,000 policies and 100,000 enterprises, in-process (SQLite).
 * The policies are the seeded explainers varied in title, audience and dates, so bodies are real
 * text of real length; a fifth of the enterprises have read some of them.
 */
export async function benchPolicies(policies = 5_000, enterprises = 100_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bangban-bench-policies-'))
  const store = await openStore(join(dir, 'bench.sqlite'))
  try {
    await migrateToLatest(store)
    const now = Date.parse('2026-11-01T09:00:00+08:00')
    const clock = fixedClock(now)
    await seedIfEmpty(store, clock)
    const random = prng(5000)
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
    const some = <T>(list: readonly T[], chance: number, max: number) =>
      random() < chance ? [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list)))] : []

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
    const models = readdirSync('seeds/policies')
      .filter((f) => f.endsWith('.md'))
      .map((f) => parsePolicyFile(f, readFileSync(join('seeds/policies', f), 'utf8'), now))
    const rows = Array.from({ length: policies }, (_, n) => {
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
    await insertInBatches(store.db, 'policies', rows)
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
    console.log(
      `generated ${policies.toLocaleString('en')} policies and ${enterprises.toLocaleString('en')} enterprises in ${((performance.now() - started) / 1000).toFixed(1)} s`,
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
    console.log('read                          p50        p95        p99')
    for (const [name, t] of figures)
      console.log(`${name.padEnd(26)} ${ms(t.p50).padStart(9)}  ${ms(t.p95).padStart(9)}  ${ms(t.p99).padStart(9)}`)
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
