import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, type Store } from '../../cloud/store/connect'
import { migrateToLatest } from '../../cloud/store/migrate'
import { findPolicyById, listPublishedPolicies, upsertPolicy } from '../../cloud/store/repositories/policies'
import { makePolicy } from '../support/factories'
import { makeStore } from '../support/services'
import { sessionSetting } from '../support/statements'

describe('store', () => {
  let store: Store
  beforeEach(async () => {
    store = await makeStore()
  })
  afterEach(() => store.close())

  it('migrating again changes nothing', async () => {
    expect(await migrateToLatest(store)).toEqual([])
  })

  describe('policy list', () => {
    const LIST = { sort: 'latest' as const, today: '2026-03-02', expiringBy: '2026-05-01' }
    beforeEach(async () => {
      await store.db.deleteFrom('policies').execute()
      await upsertPolicy(store.db, makePolicy({ id: 'pol-a', title: '留抵退税', category: '税费', published_at: '2022-05-01' }))
      await upsertPolicy(
        store.db,
        makePolicy({ id: 'pol-b', title: '信易贷', category: '金融', published_at: '2022-07-01', body: '## 谁能享受\n100%_可贷' }),
      )
      await upsertPolicy(store.db, makePolicy({ id: 'pol-c', title: '已撤回的', status: 'withdrawn', published_at: '2022-08-01' }))
    })

    it('lists published ones, newest first, with the total', async () => {
      const { rows, total } = await listPublishedPolicies(store.db, { ...LIST, limit: 10, offset: 0 })
      expect(rows.map((r) => r.id)).toEqual(['pol-b', 'pol-a'])
      expect(total).toBe(2)
    })

    it('filters by category and pages', async () => {
      expect((await listPublishedPolicies(store.db, { ...LIST, category: '金融', limit: 10, offset: 0 })).rows.map((r) => r.id)).toEqual([
        'pol-b',
      ])
      const page2 = await listPublishedPolicies(store.db, { ...LIST, limit: 1, offset: 1 })
      expect(page2.rows.map((r) => r.id)).toEqual(['pol-a'])
      expect(page2.total).toBe(2)
    })

    it('searches title and body, taking % and _ literally', async () => {
      expect((await listPublishedPolicies(store.db, { ...LIST, keyword: '退税', limit: 10, offset: 0 })).rows.map((r) => r.id)).toEqual([
        'pol-a',
      ])
      expect((await listPublishedPolicies(store.db, { ...LIST, keyword: '100%_', limit: 10, offset: 0 })).rows.map((r) => r.id)).toEqual([
        'pol-b',
      ])
      expect((await listPublishedPolicies(store.db, { ...LIST, keyword: '%', limit: 10, offset: 0 })).rows.map((r) => r.id)).toEqual([
        'pol-b',
      ])
      expect((await listPublishedPolicies(store.db, { ...LIST, keyword: '_', limit: 10, offset: 0 })).total).toBe(1)
    })

    it('ranks a title match above a summary match above a body match; every word must appear', async () => {
      await upsertPolicy(
        store.db,
        makePolicy({ id: 'pol-body', title: '稳岗返还', body: '## 谁能享受\n可与缓税同时享受', published_at: '2022-09-01' }),
      )
      await upsertPolicy(
        store.db,
        makePolicy({ id: 'pol-summary', title: '社保费缓缴', summary: '一句话看懂：和缓税一样可以晚交', published_at: '2022-08-01' }),
      )
      await upsertPolicy(store.db, makePolicy({ id: 'pol-title', title: '制造业缓税', published_at: '2022-01-01' }))
      const found = await listPublishedPolicies(store.db, { ...LIST, keyword: '缓税', limit: 10, offset: 0 })
      expect(found.rows.map((r) => r.id)).toEqual(['pol-title', 'pol-summary', 'pol-body'])
      expect(
        (await listPublishedPolicies(store.db, { ...LIST, keyword: '缓税 制造业', limit: 10, offset: 0 })).rows.map((r) => r.id),
      ).toEqual(['pol-title'])
    })

    it('即将截止: only policies in force that end within the window, soonest first', async () => {
      await upsertPolicy(store.db, makePolicy({ id: 'pol-ends-soon', expires_at: '2026-03-10' }))
      await upsertPolicy(store.db, makePolicy({ id: 'pol-ends-today', expires_at: '2026-03-02' }))
      await upsertPolicy(store.db, makePolicy({ id: 'pol-ended', expires_at: '2026-03-01' }))
      await upsertPolicy(store.db, makePolicy({ id: 'pol-ends-later', expires_at: '2026-12-31' }))
      const expiring = await listPublishedPolicies(store.db, { ...LIST, sort: 'expiring', limit: 10, offset: 0 })
      expect(expiring.rows.map((r) => r.id)).toEqual(['pol-ends-today', 'pol-ends-soon'])
    })

    it('upsert replaces a policy by id and keeps its creation time', async () => {
      await upsertPolicy(store.db, makePolicy({ id: 'pol-a', title: '留抵退税（修订）', created_at: 999, updated_at: 5 }))
      const row = await findPolicyById(store.db, 'pol-a')
      expect(row).toMatchObject({ title: '留抵退税（修订）', created_at: 0, updated_at: 5 })
    })
  })

  it('a SQLite file is opened in WAL mode with a 64 MiB page cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bangban-store-'))
    const file = await openStore(join(dir, 'bangban.sqlite'))
    try {
      const pragma = (name: string) => sessionSetting(file.db, 'sqlite', name)
      expect(await pragma('journal_mode')).toBe('wal')
      expect(await pragma('cache_size')).toBe(-64 * 1024)
    } finally {
      await file.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
