import { sql, type CompiledQuery } from 'kysely'
import type { Store } from '../../cloud/store/connect'
import { listPublishedPolicies, upsertPolicy, type PolicyFilter, type PolicyRow } from '../../cloud/store/repositories/policies'
import { makePolicy } from '../support/factories'
import { BASE, expectSameAsScan, searchOf } from '../support/policy-search'
import { makeStore } from '../support/services'
import { planOf, recordStatements } from '../support/statements'

/**
 * Forty published policies, two a day, and three drafts that hold every word everywhere. Each word
 * is placed so that its best matches are a different part of its matches:
 * - 贷款: in the title, the summary and the tags of the even ones (rank 14), the title alone of
 *   every fourth odd one (8), the body of the rest;
 * - 担保: never in a title; in the summary and the tags of every third (6), the summary of the next
 *   (3), the body of the rest;
 * - 社保: never in a title; in the summary or the tags of the even ones (3), the body of the rest;
 * - 补贴: in every body, nowhere else;
 * - 留抵: in the title of one of the oldest, the summary and the tags of every third, the body of
 *   the rest;
 * - 信用: in the title, the summary and the tags of every sixth, the body of the rest;
 * - 专精特新: in the title of every fifth; the other even ones' titles hold 专精特 and 精特新 apart
 *   (its pieces, not the word) and their bodies the word.
 */
function fixture(): PolicyRow[] {
  const policies = Array.from({ length: 40 }, (_, i) => {
    const text = { title: [`第${i}号`], summary: ['一句话看懂'], tags: [] as string[], body: ['## 谁能享受', '所有企业', '补贴'] }
    const place = (word: string, ...columns: (keyof typeof text)[]) => columns.forEach((column) => text[column].push(word))
    const everywhere = ['title', 'summary', 'tags'] as const
    if (i % 2 === 0) place('贷款', ...everywhere)
    else if (i % 4 === 1) place('贷款', 'title', 'body')
    else place('贷款', 'body')
    place('担保', ...(i % 3 === 0 ? (['summary', 'tags'] as const) : i % 3 === 1 ? (['summary'] as const) : (['body'] as const)))
    place('社保', i % 4 === 0 ? 'summary' : i % 4 === 2 ? 'tags' : 'body')
    if (i === 1) place('留抵', 'title')
    else place('留抵', ...(i % 3 === 0 ? (['summary', 'tags'] as const) : (['body'] as const)))
    if (i % 6 === 0) place('信用', ...everywhere)
    else place('信用', 'body')
    if (i % 5 === 0) place('专精特新', 'title')
    else if (i % 2 === 0) {
      place('专精特', 'title')
      place('精特新', 'title')
      place('专精特新', 'body')
    }
    return makePolicy({
      id: `pol-${String(i).padStart(2, '0')}`,
      title: text.title.join('，'),
      summary: text.summary.join('，'),
      tags: JSON.stringify(text.tags),
      body: text.body.join('\n'),
      published_at: `2026-01-${String(1 + Math.floor(i / 2)).padStart(2, '0')}`,
      expires_at: `2026-0${3 + (i % 6)}-01`,
    })
  })
  const drafts = Array.from({ length: 3 }, (_, i) =>
    makePolicy({
      id: `pol-draft-${i}`,
      title: '贷款担保社保补贴专精特新',
      summary: '贷款担保社保',
      tags: '["贷款"]',
      status: 'draft',
      published_at: '2026-02-01',
    }),
  )
  return [...policies, ...drafts]
}

/** The part of the matches a PostgreSQL page was read from, by the statement that read it. */
function part(statement: CompiledQuery): string {
  const { sql } = statement
  if (sql.includes('"newest"')) return 'newest holding'
  if (sql.includes('coalesce((select published_at'))
    return sql.includes('policy_pieces(summary') ? 'newest in summary and tags' : 'newest in title'
  if (sql.includes('policy_pieces(summary')) return 'short columns'
  if (sql.includes('policy_pieces(title) @>')) return 'titles'
  return 'every match'
}

describe('policy search: a page from the part of the matches that ranks highest', () => {
  let store: Store
  beforeAll(async () => {
    store = await makeStore({ seed: false })
    for (const row of fixture()) await upsertPolicy(store.db, row)
  })
  afterAll(() => store.close())

  it('answers what ranking every match answers, whichever part the page comes from', async () => {
    const words = ['贷款', '担保', '社保', '补贴', '专精特新', '留抵', '贷款 担保', '贷款 信用', '专精特新 贷款', '精特', '技改', '款']
    expect(await expectSameAsScan(store, words, { oracle: true })).toBeGreaterThan(0)
    const policies = await store.db.selectFrom('policies').selectAll().execute()
    for (const keyword of words)
      for (const [limit, offset] of [
        [1, 0],
        [3, 0],
        [3, 9],
        [7, 14],
        [20, 0],
        [20, 20],
        [5, 38],
      ])
        for (const countUpTo of [undefined, 2, 25]) {
          const filter: PolicyFilter = { ...BASE, sort: 'latest', keyword, limit, offset, countUpTo }
          const found = await listPublishedPolicies(store.db, filter)
          expect({ filter, ids: found.rows.map((r) => r.id), total: found.total, capped: found.capped }).toEqual({
            filter,
            ...searchOf(policies, filter, store.dialect),
          })
        }
  })

  it('on PostgreSQL, reads each word from the part its best matches are in', async () => {
    const { db: recording, statements } = recordStatements(store)
    /** Where the page came from, by the last statement that read one; and the total. */
    const from = async (keyword: string, limit: number, offset = 0, countUpTo?: number) => {
      statements.length = 0
      const filter: PolicyFilter = { ...BASE, sort: 'latest', keyword, limit, offset, countUpTo }
      const found = await listPublishedPolicies(recording, filter)
      expect(found).toEqual(await listPublishedPolicies(store.db, { ...filter, via: 'scan' }))
      const pages = statements.filter((q) => /inner join "policies" as "p"|"newest"/.test(q.sql))
      return { part: part(pages[pages.length - 1]), total: found.total, capped: found.capped }
    }
    if (store.dialect === 'sqlite') {
      // SQLite keeps its vocabulary's tiers (policy-search-index.test.ts); its totals stop counting the same way.
      expect(await from('补贴', 3, 0, 2)).toEqual({ part: 'every match', total: 3, capped: true })
      return
    }
    // Twenty hold 贷款 everywhere: the newest of them fill a first page; past them, its thirty titles.
    expect(await from('贷款', 3)).toEqual({ part: 'newest in title', total: 40, capped: false })
    expect(await from('贷款', 5, 18)).toEqual({ part: 'titles', total: 40, capped: false })
    expect(await from('贷款', 5, 28)).toEqual({ part: 'every match', total: 40, capped: false })
    // The titles are counted as they are ranked: past where the count stops, that is the total.
    expect(await from('贷款', 5, 18, 24)).toEqual({ part: 'titles', total: 24, capped: true })
    // No title holds 担保: its fourteen holders in the summary and the tags come first.
    expect(await from('担保', 3)).toEqual({ part: 'newest in summary and tags', total: 40, capped: false })
    expect(await from('担保', 3, 12)).toEqual({ part: 'short columns', total: 40, capped: false })
    expect(await from('社保', 3)).toEqual({ part: 'short columns', total: 40, capped: false })
    // One old title holds 留抵: it comes first, so the page is not the newest of the summaries and tags.
    expect(await from('留抵', 3)).toEqual({ part: 'short columns', total: 40, capped: false })
    expect(await from('留抵', 3, 3)).toEqual({ part: 'short columns', total: 40, capped: false })
    // 补贴 ranks 0 wherever it is: once more match than are counted, the page is its newest holders.
    expect(await from('补贴', 3, 0, 10)).toEqual({ part: 'newest holding', total: 10, capped: true })
    expect(await from('补贴', 3)).toEqual({ part: 'every match', total: 40, capped: false })
    // The pieces of 专精特新 in sixteen titles are not the word: eight titles hold it, held to a title's rank.
    expect(await from('专精特新', 3)).toEqual({ part: 'titles', total: 24, capped: false })
    expect(await from('专精特新', 9)).toEqual({ part: 'every match', total: 24, capped: false })
    // Every sixth holds both words everywhere; no title holds 担保.
    expect(await from('贷款 信用', 3)).toEqual({ part: 'newest in title', total: 40, capped: false })
    expect(await from('贷款 信用', 9)).toEqual({ part: 'every match', total: 40, capped: false })
    expect(await from('贷款 担保', 3)).toEqual({ part: 'every match', total: 40, capped: false })
    // None holds 技改: the count after the short columns says so, and no page follows.
    expect(await from('技改', 3)).toEqual({ part: 'short columns', total: 0, capped: false })
  })

  it('on PostgreSQL, reads each part through the indexes of its own expressions', async () => {
    if (store.dialect === 'sqlite') return
    const { db: recording, statements } = recordStatements(store)
    await listPublishedPolicies(recording, { ...BASE, sort: 'latest', keyword: '社保', limit: 3, offset: 0 })
    const pages = statements.filter((q) => /inner join "policies" as "p"/.test(q.sql))
    expect(pages.map(part)).toEqual(['newest in title', 'titles', 'newest in summary and tags', 'short columns'])
    // Forty policies would be read whole whatever the index: ask for a plan through one.
    await sql`analyze policies`.execute(store.db)
    const plans = await Promise.all(pages.map((q) => planOf(store, q, ['enable_seqscan = off', 'enable_indexscan = off'])))
    expect(plans.map((p) => [...p.matchAll(/Bitmap Index Scan on (policies_\w+_pieces_idx)/g)].map((m) => m[1]).sort())).toEqual([
      ['policies_title_pieces_idx'],
      ['policies_title_pieces_idx'],
      ['policies_summary_tags_pieces_idx'],
      ['policies_summary_tags_pieces_idx', 'policies_title_pieces_idx'],
    ])
  })
})
