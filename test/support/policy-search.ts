import type { Store } from '../../cloud/store/connect'
import { COUNT_UP_TO, listPublishedPolicies, type PolicyFilter, type PolicyRow } from '../../cloud/store/repositories/policies'

/** The day the searches are made on, and how far 即将截止 looks. */
export const BASE = { today: '2026-03-02', expiringBy: '2026-12-31' }

/**
 * The same search through the index and as the scan, in both sorts, on a later page and past the
 * last (whose total is still the whole count), and with totals that stop counting early. With
 * `oracle`, both are also held to the answer worked out from every policy (for stores whose ids
 * sort alike in any collation). Answers how many matched in all.
 */
export async function expectSameAsScan(store: Store, words: string[], { oracle = false } = {}): Promise<number> {
  let found = 0
  const policies = oracle ? await store.db.selectFrom('policies').selectAll().execute() : []
  for (const keyword of words) {
    let total = 0
    for (const page of [
      { sort: 'latest', limit: 500, offset: 0 },
      { sort: 'expiring', limit: 500, offset: 0 },
      { sort: 'latest', limit: 3, offset: 2 },
      { sort: 'latest', limit: 3, offset: 5000 },
      { sort: 'latest', limit: 3, offset: 0, countUpTo: 2 },
      { sort: 'latest', limit: 2, offset: 3, countUpTo: 4 },
      { sort: 'expiring', limit: 2, offset: 0, countUpTo: 3 },
    ] as const) {
      const filter: PolicyFilter = { ...BASE, ...page, keyword }
      const indexed = await listPublishedPolicies(store.db, filter)
      const scanned = await listPublishedPolicies(store.db, { ...filter, via: 'scan' })
      expect({ keyword, page, ...indexed }).toEqual({ keyword, page, ...scanned })
      if (oracle)
        expect({ keyword, page, ids: indexed.rows.map((r) => r.id), total: indexed.total, capped: indexed.capped }).toEqual({
          keyword,
          page,
          ...searchOf(policies, filter, store.dialect),
        })
      if ('countUpTo' in page) continue
      if (page.sort === 'latest' && page.offset === 0) total = indexed.total
      else if (page.sort === 'latest') expect(indexed.total).toBe(total)
    }
    found += total
  }
  return found
}

/**
 * What a search answers, worked out from every policy: each word in some column (LIKE's way: ASCII
 * letters alike in either case on SQLite, exact on PostgreSQL), ranked 8 for a title, 3 for the
 * summary and 3 for the tags per word, then by date and id; the total counted up to COUNT_UP_TO or the page's reach.
 */
export function searchOf(
  policies: PolicyRow[],
  filter: PolicyFilter,
  dialect: Store['dialect'],
): { ids: string[]; total: number; capped: boolean } {
  const fold = (text: string) => (dialect === 'sqlite' ? text.replace(/[A-Z]/g, (c) => c.toLowerCase()) : text)
  const terms = [...new Set((filter.keyword ?? '').split(/\s+/).filter(Boolean))].slice(0, 5).map(fold)
  const has = (text: string, term: string) => fold(text).includes(term)
  const matches = policies
    .filter((p) => p.status === 'published' && (!filter.category || p.category === filter.category))
    .filter((p) => terms.every((t) => [p.title, p.summary, p.tags, p.body].some((text) => has(text, t))))
    .filter(
      (p) => filter.sort !== 'expiring' || (p.expires_at !== null && p.expires_at >= filter.today && p.expires_at <= filter.expiringBy),
    )
    .map((p) => ({
      p,
      rank: terms.reduce((n, t) => n + (has(p.title, t) ? 8 : 0) + (has(p.summary, t) ? 3 : 0) + (has(p.tags, t) ? 3 : 0), 0),
    }))
  const byDate = (a: PolicyRow, b: PolicyRow) =>
    filter.sort === 'expiring' ? a.expires_at!.localeCompare(b.expires_at!) : b.published_at.localeCompare(a.published_at)
  matches.sort((a, b) => b.rank - a.rank || byDate(a.p, b.p) || (a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0))
  const countUpTo = Math.max(filter.countUpTo ?? COUNT_UP_TO, filter.offset + filter.limit)
  return {
    ids: matches.slice(filter.offset, filter.offset + filter.limit).map((m) => m.p.id),
    total: Math.min(matches.length, countUpTo),
    capped: matches.length > countUpTo,
  }
}
