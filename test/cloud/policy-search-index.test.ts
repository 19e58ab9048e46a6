import { sql } from 'kysely'
import type { Store } from '../../cloud/store/connect'
import { migrateToLatest, migratorFor } from '../../cloud/store/migrate'
import { listPublishedPolicies, upsertPolicy, type PolicyFilter } from '../../cloud/store/repositories/policies'
import { apiAs } from '../support/api'
import { makePolicy } from '../support/factories'
import { makeServices, makeStore } from '../support/services'
import { BASE, expectSameAsScan } from '../support/policy-search'
import { planOf, recordStatements, sessionSetting } from '../support/statements'
import { town } from '../support/town'

/** A small deterministic generator, so a failure names a case that can be run again. */
function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

// Few characters, so generated words recur across policies; ASCII of both cases, LIKE's wildcards
// and FTS5's quote, which must all be taken literally; letters whose case LIKE ignores and FTS5
// folds (é, É, the Kelvin sign that folds to k).
const ALPHABET = [...'贷款补贴退税社保专精特新企业政策申请缓缴留抵技改物流担保用工aAbBcCkéÉ\u212a%_"（），。1']

const DEFAULT_WORDS = [
  '贷款',
  '补贴',
  '退税',
  '专精特新',
  '信用 贷款',
  '贷',
  '企',
  'a',
  'A',
  'ab',
  'AbC',
  '%',
  '_',
  '"',
  '1%',
  '龘',
  'zzz',
  '贷款 补',
  '专精特',
  '精特新',
  '款贴息',
  'bC%',
]

/** Words of 1, 2, 3, 4 and 6 characters cut from the policies' own text, and pairs of them. */
async function wordsFromPolicies(store: Store, random: () => number): Promise<string[]> {
  const texts = (await store.db.selectFrom('policies').select(['title', 'summary', 'tags', 'body']).execute()).flatMap((p) => [
    p.title,
    p.summary,
    p.tags,
    p.body,
  ])
  const words: string[] = []
  for (const length of [1, 2, 3, 4, 6])
    for (let i = 0; i < 8; i++) {
      const chars = [...texts[Math.floor(random() * texts.length)]]
      const start = Math.floor(random() * Math.max(1, chars.length - length))
      const word = chars
        .slice(start, start + length)
        .join('')
        .replace(/\s+/g, '')
      if (word) words.push(word)
    }
  for (let i = 0; i < 6; i++) words.push(`${words[Math.floor(random() * words.length)]} ${words[Math.floor(random() * words.length)]}`)
  return words
}

/** The GIN indexes on the policies (PostgreSQL). */
async function searchIndexes(store: Store): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select indexname as name from pg_indexes
    where schemaname = current_schema() and tablename = 'policies' and indexdef like '%USING gin%' order by 1
  `.execute(store.db)
  return rows.map((r) => r.name)
}

/** PostgreSQL's search indexes since 0043: the pieces of the whole text, of the title, and of the summary and tags. */
const LATEST_SEARCH_INDEXES = ['policies_pieces_idx', 'policies_summary_tags_pieces_idx', 'policies_title_pieces_idx']

/** How many indexes of this name SQLite has: 1 or 0. */
async function sqliteIndexCount(store: Store, name: string): Promise<number> {
  return (await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'index' and name = ${name}`.execute(store.db))
    .rows[0].n
}

describe('policy search through the index', () => {
  let store: Store
  afterEach(() => store.close())

  it('finds on the seeded policies exactly what the scan finds, for words of every length', async () => {
    store = await makeStore()
    const random = prng(1)
    const words = [...DEFAULT_WORDS, ...(await wordsFromPolicies(store, random))]
    expect(await expectSameAsScan(store, words)).toBeGreaterThan(0)
  })

  // Every word searched through the index, by the scan and against the oracle, before and after the
  // rewrites: on PostgreSQL beside the rest of the suite on two cores, this has run past 15 s.
  it('finds on generated policies exactly what the scan finds', async () => {
    store = await makeStore({ seed: false })
    const random = prng(22)
    const text = (length: number) => Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('')
    for (let n = 0; n < 120; n++)
      await upsertPolicy(
        store.db,
        makePolicy({
          id: `pol-gen-${n}`,
          title: text(2 + Math.floor(random() * 10)),
          summary: text(Math.floor(random() * 20)),
          tags: JSON.stringify([text(2), text(3)]),
          body: `## 谁能享受\n${text(Math.floor(random() * 200))}\n\n${text(30)}`,
          status: random() < 0.8 ? 'published' : random() < 0.5 ? 'draft' : 'withdrawn',
          published_at: `2025-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01`,
          expires_at: random() < 0.5 ? `2026-${String(3 + Math.floor(random() * 9)).padStart(2, '0')}-15` : null,
        }),
      )
    const words = [...DEFAULT_WORDS, ...(await wordsFromPolicies(store, random))]
    for (let i = 0; i < 30; i++) words.push(text(1 + Math.floor(random() * 4)))
    expect(await expectSameAsScan(store, words, { oracle: true })).toBeGreaterThan(0)

    // Deleted and rewritten rows leave nothing behind in the index.
    await store.db.deleteFrom('policies').where('id', 'in', ['pol-gen-1', 'pol-gen-2', 'pol-gen-3']).execute()
    for (let n = 10; n < 20; n++) await upsertPolicy(store.db, makePolicy({ id: `pol-gen-${n}`, title: text(5), body: text(50) }))
    expect(await expectSameAsScan(store, words, { oracle: true })).toBeGreaterThan(0)
  }, 60_000)

  it('follows a policy through save, publish, edit and withdraw', async () => {
    store = await makeStore()
    const api = apiAs(makeServices(store).services)
    const admin = town.admin.id
    const form = {
      title: '鲲鹏技改专项',
      issuer: '产业服务办',
      category: '产业扶持' as const,
      effectiveFrom: '2026-03-01',
      summary: '一句话看懂：技改可申请鲲鹏补助。',
      body: '## 谁能享受\n企业\n\n## 能享受什么\n青鸾补助\n\n## 怎么办理\n申报',
    }
    const ids = async (keyword: string) => {
      await expectSameAsScan(store, [keyword])
      return (await listPublishedPolicies(store.db, { ...BASE, sort: 'latest', limit: 50, offset: 0, keyword })).rows.map((r) => r.id)
    }

    const saved = await api.call(admin, 'policy.save', { ...form, clientRequestId: 'search-0001' })
    expect(await ids('鲲鹏')).toEqual([])

    await api.call(admin, 'policy.publish', { id: saved.id })
    expect(await ids('鲲鹏')).toEqual([saved.id])
    expect(await ids('青鸾补助')).toEqual([saved.id])
    expect(await ids('鸾')).toEqual([saved.id])

    await api.call(admin, 'policy.save', { ...form, id: saved.id, body: form.body.replace('青鸾', '白泽'), clientRequestId: 'search-0002' })
    expect(await ids('青鸾补助')).toEqual([])
    expect(await ids('鸾')).toEqual([])
    expect(await ids('白泽补助')).toEqual([saved.id])
    expect(await ids('白泽')).toEqual([saved.id])

    await api.call(admin, 'policy.withdraw', { id: saved.id })
    expect(await ids('白泽')).toEqual([])
    expect(await ids('鲲鹏技改')).toEqual([])
  })

  it('the migration indexes the policies already there', async () => {
    store = await makeStore({ seed: false })
    const { error } = await migratorFor(store).migrateTo('0013-hardening')
    expect(error).toBeUndefined()
    await upsertPolicy(store.db, makePolicy({ id: 'pol-before', title: '早已发布的贷款贴息', body: '## 谁能享受\n小微企业' }))
    await upsertPolicy(store.db, makePolicy({ id: 'pol-before-2', title: '稳岗补贴', body: '## 谁能享受\n贷款企业' }))
    await migrateToLatest(store)
    expect((await listPublishedPolicies(store.db, { ...BASE, sort: 'latest', limit: 10, offset: 0, keyword: '贷款' })).total).toBe(2)
    expect(await expectSameAsScan(store, ['贷款', '贴息', '稳岗补贴', '微', '小微企业'])).toBeGreaterThan(0)
    // The index itself: the FTS5 table's rows on SQLite, the pieces index on PostgreSQL (whose
    // trigram indexes 0030 dropped: the pieces index leads every search they could serve).
    if (store.dialect === 'sqlite')
      expect((await sql<{ n: number }>`select count(*) as n from policies_fts`.execute(store.db)).rows[0].n).toBe(2)
    else expect(await searchIndexes(store)).toEqual(LATEST_SEARCH_INDEXES)
  })

  it('0030 goes back: the trigram indexes return on PostgreSQL, the index of the short columns leaves SQLite', async () => {
    store = await makeStore()
    const { error } = await migratorFor(store).migrateTo('0029-owner-list')
    expect(error).toBeUndefined()
    if (store.dialect === 'sqlite') expect(await sqliteIndexCount(store, 'policies_search_idx')).toBe(0)
    else
      expect(await searchIndexes(store)).toEqual([
        'policies_bigrams_idx',
        'policies_body_trgm_idx',
        'policies_summary_trgm_idx',
        'policies_tags_trgm_idx',
        'policies_title_trgm_idx',
      ])
    // The search itself now reads 0032's rows on SQLite and 0034's pieces on PostgreSQL; it is
    // compared once the store is back up.
    await migrateToLatest(store)
    if (store.dialect === 'sqlite') expect(await sqliteIndexCount(store, 'policies_search_idx')).toBe(1)
    else expect(await searchIndexes(store)).toEqual(LATEST_SEARCH_INDEXES)
    expect(await expectSameAsScan(store, ['贷款', '专精特新 贷款', '企'])).toBeGreaterThan(0)
  })

  it('0032 keeps the short columns beside each FTS5 row through direct writes, and goes back to the numbering of 0014', async () => {
    store = await makeStore({ seed: false })
    const { error } = await migratorFor(store).migrateTo('0031-appeal-due-hours')
    expect(error).toBeUndefined()
    for (let n = 0; n < 6; n++)
      await upsertPolicy(store.db, makePolicy({ id: `pol-${n}`, title: `贷款贴息第${n}号`, body: `## 谁能享受\n小微企业${n}` }))
    await migrateToLatest(store)
    const words = ['贷款', '贴息', '小微', '微', '企业3', '担保']
    const oracle = { oracle: true }
    expect(await expectSameAsScan(store, words, oracle)).toBe(6 * 4 + 1)
    // Writes past the repository, each to a column the search filters, ranks or orders by, and an
    // id changed, which both of 0032's update triggers follow.
    await store.db.updateTable('policies').set({ status: 'withdrawn' }).where('id', '=', 'pol-0').execute()
    await store.db.updateTable('policies').set({ category: '金融支持', published_at: '2020-01-01' }).where('id', '=', 'pol-1').execute()
    await store.db.updateTable('policies').set({ expires_at: '2026-06-30', summary: '担保贷款' }).where('id', '=', 'pol-2').execute()
    await store.db.updateTable('policies').set({ tags: '["担保"]', title: '稳岗担保补贴' }).where('id', '=', 'pol-3').execute()
    await store.db.updateTable('policies').set({ id: 'pol-4b', body: '## 谁能享受\n个体工商户' }).where('id', '=', 'pol-4').execute()
    await store.db.deleteFrom('policies').where('id', '=', 'pol-5').execute()
    expect(await expectSameAsScan(store, [...words, '个体', '稳岗'], oracle)).toBeGreaterThan(0)
    const filter: PolicyFilter = { ...BASE, sort: 'latest', limit: 10, offset: 0 }
    expect((await listPublishedPolicies(store.db, { ...filter, keyword: '担保' })).rows.map((r) => r.id)).toEqual(['pol-3', 'pol-2'])
    expect((await listPublishedPolicies(store.db, { ...filter, keyword: '企业4' })).total).toBe(0)
    expect((await listPublishedPolicies(store.db, { ...filter, keyword: '个体' })).rows.map((r) => r.id)).toEqual(['pol-4b'])
    expect((await listPublishedPolicies(store.db, { ...filter, keyword: '贷款', category: '金融支持' })).rows.map((r) => r.id)).toEqual([
      'pol-1',
    ])

    if (store.dialect === 'postgres') return
    const rows = async () => (await sql<{ n: number }>`select count(*) as n from policies_fts`.execute(store.db)).rows[0].n
    // pol-0 was withdrawn: since 0040 the FTS5 table holds the published policies alone.
    expect(await rows()).toBe(4)
    expect((await migratorFor(store).migrateTo('0031-appeal-due-hours')).error).toBeUndefined()
    expect(await rows()).toBe(5)
    expect(
      (await sql<{ id: string }>`select policy_id as id from policy_search_docs order by doc`.execute(store.db)).rows.map((r) => r.id),
    ).toEqual(['pol-0', 'pol-1', 'pol-2', 'pol-3', 'pol-4b'])
    await upsertPolicy(store.db, makePolicy({ id: 'pol-6', title: '担保费补贴' }))
    expect(await rows()).toBe(6)
    await migrateToLatest(store)
    expect(await rows()).toBe(5)
    expect(await expectSameAsScan(store, [...words, '个体', '稳岗', '担保费'], oracle)).toBeGreaterThan(0)
  })

  it('0040 keeps the published policies alone in the FTS5 table through direct writes, and a word held by enough titles is paged from them', async () => {
    store = await makeStore({ seed: false })
    expect((await migratorFor(store).migrateTo('0039-fresh-by-month')).error).toBeUndefined()
    // Six titles hold 贷款; nine more policies hold it where it ranks lower (the summary, the tags, the
    // body); drafts hold it everywhere. The bodies show the vocabulary more holders of 贷款企 and
    // 担保 than the titles or the summaries do, so paging from those saves ranking the rest.
    const rows = [
      ...Array.from({ length: 6 }, (_, n) => ({
        id: `pol-t${n}`,
        title: `贷款企业贴息第${n}号`,
        body: '## 谁能享受\n担保服务，贷款企业',
        published_at: `2026-01-0${n + 1}`,
      })),
      ...Array.from({ length: 9 }, (_, n) => ({
        id: `pol-s${n}`,
        title: `稳岗补贴第${n}号`,
        summary: n % 3 === 0 ? '担保贷款' : '稳岗',
        tags: n % 3 === 1 ? '["贷款"]' : '[]',
        body: `## 谁能享受\n${n % 3 === 2 ? '担保贷款企业' : '小微企业'}`,
        published_at: `2026-02-0${n + 1}`,
      })),
      ...Array.from({ length: 3 }, (_, n) => ({ id: `pol-d${n}`, title: `贷款草稿${n}`, summary: '贷款', status: 'draft' as const })),
    ]
    for (const row of rows) await upsertPolicy(store.db, makePolicy(row))
    await migrateToLatest(store)
    const indexed = async () => {
      if (store.dialect === 'postgres') return null
      const { rows } = await sql<{ id: string }>`
        select r.id from policies_fts f join policy_search_rows r on r.doc = f.rowid order by r.id`.execute(store.db)
      return rows.map((r) => r.id)
    }
    const published = async () =>
      (await store.db.selectFrom('policies').select('id').where('status', '=', 'published').orderBy('id').execute()).map((r) => r.id)
    if (store.dialect === 'sqlite') expect(await indexed()).toEqual(await published())

    const { db: recording, statements } = recordStatements(store)
    const page = async (limit: number, offset: number, keyword = '贷款') => {
      statements.length = 0
      const filter: PolicyFilter = { ...BASE, sort: 'latest', limit, offset, keyword }
      const found = await listPublishedPolicies(recording, filter)
      expect(found).toEqual(await listPublishedPolicies(store.db, { ...filter, via: 'scan' }))
      // The FTS5 columns the page was found through, when not all of them.
      const columns = statements.flatMap((q) =>
        q.parameters.flatMap((p) => /^(title|\{title summary tags\}) : /.exec(String(p))?.[1] ?? []),
      )
      return { ids: found.rows.map((r) => r.id), total: found.total, columns: columns[0] ?? null }
    }
    const sqlite = (columns: string) => (store.dialect === 'sqlite' ? columns : null)
    // The titles fill the first pages; the third reaches past them and ranks every match.
    expect(await page(3, 0)).toEqual({ ids: ['pol-t5', 'pol-t4', 'pol-t3'], total: 15, columns: sqlite('title') })
    expect(await page(3, 3)).toEqual({ ids: ['pol-t2', 'pol-t1', 'pol-t0'], total: 15, columns: sqlite('title') })
    expect(await page(3, 6)).toEqual({ ids: ['pol-s7', 'pol-s6', 'pol-s4'], total: 15, columns: null })
    expect((await page(3, 30)).ids).toEqual([])
    expect(await page(3, 0, '贷款企')).toEqual({ ids: ['pol-t5', 'pol-t4', 'pol-t3'], total: 9, columns: sqlite('title') })
    // No title holds 担保 and three summaries do; nine bodies hold it too, and rank below them.
    expect(await page(2, 0, '担保')).toEqual({ ids: ['pol-s6', 'pol-s3'], total: 12, columns: sqlite('{title summary tags}') })
    expect(await page(3, 1, '担保')).toEqual({ ids: ['pol-s3', 'pol-s0', 'pol-s8'], total: 12, columns: null })
    // A category or the expiring sort rules that page out: the vocabulary is read by row, as for two
    // words. A draft's title is written first, for a new search version (0041) and nothing kept.
    let writes = 0
    const vocabularies = async (filter: Partial<PolicyFilter>) => {
      await store.db
        .updateTable('policies')
        .set({ title: `草稿${++writes}` })
        .where('id', '=', 'pol-d2')
        .execute()
      statements.length = 0
      await listPublishedPolicies(recording, { ...BASE, sort: 'latest', limit: 3, offset: 0, keyword: '贷款', ...filter })
      return statements.flatMap((q) => q.sql.match(/policies_fts_(columns|terms)/g) ?? [])
    }
    if (store.dialect === 'sqlite') {
      expect(await vocabularies({})).toEqual(['policies_fts_columns'])
      expect(await vocabularies({ category: '金融支持' })).toEqual(['policies_fts_terms'])
      expect(await vocabularies({ sort: 'expiring' })).toEqual(['policies_fts_terms'])
      expect(await vocabularies({ keyword: '贷款 担保' })).toEqual(['policies_fts_terms', 'policies_fts_terms'])
      expect(await vocabularies({ keyword: '贷款企' })).toEqual(['policies_fts_columns'])
      expect(await vocabularies({ keyword: '贷款企', category: '金融支持' })).toEqual([])
    }

    // Writes past the repository: published, withdrawn, an id and a title changed, a deletion.
    await store.db.updateTable('policies').set({ status: 'published', published_at: '2026-03-01' }).where('id', '=', 'pol-d0').execute()
    await store.db.updateTable('policies').set({ status: 'withdrawn' }).where('id', '=', 'pol-t5').execute()
    await store.db.updateTable('policies').set({ id: 'pol-t4b', title: '稳岗第4号' }).where('id', '=', 'pol-t4').execute()
    await store.db.deleteFrom('policies').where('id', '=', 'pol-t3').execute()
    await store.db.updateTable('policies').set({ status: 'published', title: '技改' }).where('id', '=', 'pol-d1').execute()
    if (store.dialect === 'sqlite') expect(await indexed()).toEqual(await published())
    expect(await page(3, 0)).toEqual({ ids: ['pol-d0', 'pol-t2', 'pol-t1'], total: 15, columns: sqlite('title') })
    expect(await expectSameAsScan(store, ['贷款', '草稿', '稳岗', '技改', '贴息'], { oracle: true })).toBeGreaterThan(0)

    expect((await migratorFor(store).migrateTo('0039-fresh-by-month')).error).toBeUndefined()
    const everyPolicy = async () => (await store.db.selectFrom('policies').select('id').orderBy('id').execute()).map((r) => r.id)
    if (store.dialect === 'sqlite') expect(await indexed()).toEqual(await everyPolicy())
    // 0032's triggers, restored, index every policy again whatever its status.
    await upsertPolicy(store.db, makePolicy({ id: 'pol-d9', title: '贷款草稿9', status: 'draft' }))
    await store.db.updateTable('policies').set({ status: 'withdrawn', id: 'pol-t2b' }).where('id', '=', 'pol-t2').execute()
    await store.db.deleteFrom('policies').where('id', '=', 'pol-s0').execute()
    if (store.dialect === 'sqlite') expect(await indexed()).toEqual(await everyPolicy())
    await migrateToLatest(store)
    if (store.dialect === 'sqlite') expect(await indexed()).toEqual(await published())
    expect(await expectSameAsScan(store, ['贷款', '草稿', '稳岗'], { oracle: true })).toBeGreaterThan(0)
  })

  it('a search sees the policies as they were or as they are, never half of a write made while it reads', async () => {
    store = await makeStore({ seed: false })
    // pol-new holds 贷款 only through a trigram no other policy has (贷款㐀), so the vocabulary read
    // before it was published lists none of its trigrams; pol-old's go on being listed.
    for (let n = 0; n < 4; n++)
      await upsertPolicy(store.db, makePolicy({ id: `pol-${n}`, title: `贷款贴息第${n}号`, published_at: `2026-01-0${n + 1}` }))
    await upsertPolicy(store.db, makePolicy({ id: 'pol-new', title: '新贷款㐀', status: 'draft' }))
    const filter: PolicyFilter = { ...BASE, sort: 'latest', limit: 10, offset: 0, keyword: '贷款' }
    const before = await listPublishedPolicies(store.db, filter)
    const write = () =>
      store.db.transaction().execute(async (trx) => {
        await trx.updateTable('policies').set({ status: 'published', published_at: '2026-02-01' }).where('id', '=', 'pol-new').execute()
        await trx.updateTable('policies').set({ status: 'withdrawn' }).where('id', '=', 'pol-0').execute()
      })
    const [during] = await Promise.all([listPublishedPolicies(store.db, filter), write()])
    const after = await listPublishedPolicies(store.db, filter)
    expect(after.rows.map((r) => r.id)).toEqual(['pol-new', 'pol-3', 'pol-2', 'pol-1'])
    expect([before, after]).toContainEqual(during)
  })

  it('0041 keeps what the vocabulary says until a write of a policy text or status changes the search version', async () => {
    store = await makeStore({ seed: false })
    for (let n = 0; n < 4; n++)
      await upsertPolicy(store.db, makePolicy({ id: `pol-${n}`, title: `贷款补贴第${n}号`, published_at: `2026-01-0${n + 1}` }))
    const sqlite = store.dialect === 'sqlite'
    const { db: recording, statements } = recordStatements(store)
    /** How many times the search read the vocabulary (never on PostgreSQL), and the ids it found. */
    const search = async (keyword: string) => {
      statements.length = 0
      const filter: PolicyFilter = { ...BASE, sort: 'latest', limit: 10, offset: 0, keyword }
      const found = await listPublishedPolicies(recording, filter)
      expect(found).toEqual(await listPublishedPolicies(store.db, { ...filter, via: 'scan' }))
      return { reads: statements.filter((q) => /policies_fts_(terms|columns)/.test(q.sql)).length, ids: found.rows.map((r) => r.id) }
    }
    const reads = (n: number) => (sqlite ? n : 0)
    // Read by column for one word, by row for each of two; then kept.
    expect(await search('贷款')).toEqual({ reads: reads(1), ids: ['pol-3', 'pol-2', 'pol-1', 'pol-0'] })
    expect((await search('贷款')).reads).toBe(0)
    expect((await search('贷款 补')).reads).toBe(reads(2))
    expect((await search('补 贷款')).reads).toBe(0)
    // A date is no part of the text: the version stays.
    await store.db.updateTable('policies').set({ expires_at: '2027-01-01', updated_at: 1 }).where('id', '=', 'pol-0').execute()
    expect((await search('贷款')).reads).toBe(0)
    // A draft's new title changes nothing the FTS5 table holds, but the version changes all the same.
    await upsertPolicy(store.db, makePolicy({ id: 'pol-d', title: '贷款㐀草稿', status: 'draft' }))
    expect((await search('贷款')).reads).toBe(reads(1))
    // Published past the repository: the new trigram (贷款㐀) is read, and the policy found.
    await store.db.updateTable('policies').set({ status: 'published', published_at: '2026-02-01' }).where('id', '=', 'pol-d').execute()
    expect(await search('贷款')).toEqual({ reads: reads(1), ids: ['pol-d', 'pol-3', 'pol-2', 'pol-1', 'pol-0'] })
    await store.db.deleteFrom('policies').where('id', '=', 'pol-d').execute()
    expect(await search('贷款')).toEqual({ reads: reads(1), ids: ['pol-3', 'pol-2', 'pol-1', 'pol-0'] })
    expect((await search('贷款')).reads).toBe(0)

    const versionTables = async () =>
      (
        await sql<{ name: string }>`select name from sqlite_master where name like 'policy_search_version%' order by name`.execute(store.db)
      ).rows.map((r) => r.name)
    if (sqlite) {
      const names = [
        'policy_search_version',
        'policy_search_version_delete',
        'policy_search_version_insert',
        'policy_search_version_update',
      ]
      expect(await versionTables()).toEqual(names)
      expect((await migratorFor(store).migrateTo('0040-policy-search-published')).error).toBeUndefined()
      expect(await versionTables()).toEqual([])
      await migrateToLatest(store)
      expect(await versionTables()).toEqual(names)
      expect(await search('贷款')).toEqual({ reads: 1, ids: ['pol-3', 'pol-2', 'pol-1', 'pol-0'] })
    }
  })

  it('0034 indexes three-character pieces on PostgreSQL over the policies already there, and goes back to pairs alone', async () => {
    store = await makeStore({ seed: false })
    expect((await migratorFor(store).migrateTo('0033-kept-rebuilds')).error).toBeUndefined()
    for (let n = 0; n < 6; n++)
      await upsertPolicy(store.db, makePolicy({ id: `pol-${n}`, title: `专精特新贷款第${n}号`, body: `## 谁能享受\n制造业小微企业${n}` }))
    await migrateToLatest(store)
    const words = ['专精特', '制造业', '造业小', '专精特新', '制造业小微', '贷款', '微企业3', '业3', '精特 制造']
    expect(await expectSameAsScan(store, words, { oracle: true })).toBeGreaterThan(0)
    if (store.dialect === 'sqlite') return
    expect(await searchIndexes(store)).toEqual(LATEST_SEARCH_INDEXES)
    expect((await migratorFor(store).migrateTo('0033-kept-rebuilds')).error).toBeUndefined()
    expect(await searchIndexes(store)).toEqual(['policies_bigrams_idx'])
    await migrateToLatest(store)
    expect(await searchIndexes(store)).toEqual(LATEST_SEARCH_INDEXES)
    expect(await expectSameAsScan(store, words, { oracle: true })).toBeGreaterThan(0)
    // The function the search deployed before 0034 calls is still there, for the time between the
    // migration and the new function's upload.
    const { rows: held } = await sql<{ n: number }>`
      select count(*)::int as n from policies
      where policy_bigrams(title || E'\\n' || summary || E'\\n' || tags || E'\\n' || body) @> array['专精', '精特']::text[]`.execute(
      store.db,
    )
    expect(held[0].n).toBe(6)
  })

  it('a word of three characters is found by the index alone; a longer one is confirmed in the text on PostgreSQL', async () => {
    store = await makeStore()
    const { db: recording, statements } = recordStatements(store)
    const search = async (keyword: string) => {
      statements.length = 0
      await listPublishedPolicies(recording, { ...BASE, sort: 'latest', limit: 20, offset: 0, keyword })
      // The first statement that reads the matches: a page, or on PostgreSQL their count.
      return statements.find((q) => /inner join "policies" as "p"|select 1 as "one"/.test(q.sql))!.sql
    }
    // The body is read only to confirm a word the index cannot answer.
    const confirmsInBody = (statement: string) => /("body"|b\.body from policies b where b\.id = policies\.id\)) like/.test(statement)
    expect(confirmsInBody(await search('专精特'))).toBe(false)
    expect(confirmsInBody(await search('专精特新'))).toBe(store.dialect === 'postgres')
    // Letters with case are confirmed by LIKE on SQLite too (FTS5 folds more of them than LIKE does).
    expect(confirmsInBody(await search('AbCd'))).toBe(true)
  })

  it('finds words across columns, the pieces of a longer word apart, and characters beyond two bytes of UTF-16 exactly as the scan', async () => {
    store = await makeStore({ seed: false })
    const rows = [
      { id: 'pol-x1', title: '申请专精', summary: '特新企业', tags: '[]', body: '专精特 与 精特新' },
      { id: 'pol-x2', title: '𠮷野家ab', summary: 'cd', tags: '["𠮷"]', body: 'x𠮷y𠮷z' },
      { id: 'pol-x3', title: '专精特新', summary: '', tags: '[]', body: '' },
    ]
    for (const row of rows) await upsertPolicy(store.db, makePolicy(row))
    const words = [
      '专精特新',
      '精特新',
      '专精特',
      '精特',
      'bc',
      'b\u200bc',
      '专精特新企',
      '精特新企业',
      '𠮷野',
      '𠮷野家',
      '𠮷野家a',
      'x𠮷y',
      'x𠮷y𠮷',
      '𠮷y𠮷z',
    ]
    expect(await expectSameAsScan(store, words, { oracle: true })).toBeGreaterThan(0)
  })

  it('looks a two-character word up in its index, not in every policy: FTS5 on SQLite, the pieces index on PostgreSQL', async () => {
    store = await makeStore()
    const { db: recording, statements } = recordStatements(store)
    const filter: PolicyFilter = { ...BASE, sort: 'latest', limit: 20, offset: 0, keyword: '贷款' }
    expect((await listPublishedPolicies(recording, filter)).total).toBeGreaterThan(0)
    // The statements sent: pages of matches joined to the policies' rows (the plugin also sees each
    // inner query on its own). The seeded town's few matches fill no page from a part of them
    // (policy-search-steps.test.ts), so the last ranks them all.
    const pages = statements.filter((q) => /inner join "policies" as "p"/.test(q.sql))
    const search = pages[pages.length - 1]
    // The seeded town's few policies would be read whole whatever the index: ask PostgreSQL for a
    // plan through an index, which can be the pieces index only if the query's expression is its own.
    if (store.dialect === 'postgres') await sql`analyze policies`.execute(store.db)
    const plan = await planOf(store, search, ['enable_seqscan = off', 'enable_indexscan = off'])
    expect(plan).toContain(store.dialect === 'sqlite' ? 'VIRTUAL TABLE' : 'Bitmap Index Scan on policies_pieces_idx')
    // Every match is ranked from its short columns: on SQLite from 0032's rows, each found by the
    // FTS5 row's number (the policies are read for the page alone); on PostgreSQL without the
    // workers and JIT the pieces' cost would invite (the store's sessions have them off).
    if (store.dialect === 'sqlite') {
      expect(search.sql).toContain('from "policy_search_rows" as "policies"')
      expect(plan).toContain('SEARCH policies USING INTEGER PRIMARY KEY (rowid=?)')
    } else {
      const setting = (name: string) => sessionSetting(recording, 'postgres', name)
      expect([await setting('jit'), await setting('max_parallel_workers_per_gather')]).toEqual(['off', '0'])
    }
  })
})
