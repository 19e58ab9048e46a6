import { APPEAL_LIST_FILTERS, type AppealListFilter } from '../../cloud/domain/appeal/lists'
import { OPEN_STATES } from '../../cloud/domain/appeal/rules'
import type { Store } from '../../cloud/store/connect'
import { listEnterpriseAppealSummaries } from '../../cloud/store/repositories/appeals'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { planOf, recordStatements } from '../support/statements'
import { town } from '../support/town'

const HOUR = 3_600_000
const STATES = [
  'submitted',
  'accepted',
  'in_progress',
  'resolved',
  'closed',
  'returned',
  'withdrawn',
  'resolved',
  'closed',
  'submitted',
] as const

/**
 * The owner's list reads its page and its total apart (the total from the enterprise's index
 * alone): every filter's pages, read one after another, are the enterprise's appeals in that
 * filter newest first, and every page carries the same total, a page past the end as well.
 */
describe("the owner's list", () => {
  let store: Store
  let api: ReturnType<typeof apiAs>
  let now: number
  const grain = town.enterprises.grainFoods

  beforeEach(async () => {
    store = await makeStore()
    const setup = makeServices(store, { now: '2026-03-02T09:00:00+08:00' })
    api = apiAs(setup.services)
    now = setup.clock.now()
  })
  afterEach(() => store.close())

  const file = async (i: number) =>
    (
      await api.call(grain.owner.id, 'appeal.create', {
        category: '水电气路',
        title: `变压器增容第${i}次`,
        description: '新上两条吹塑生产线，现有变压器容量不够，需要增容。',
        contactName: '联系人',
        contactPhone: '13800001111',
      })
    ).id

  const expected = (filter: AppealListFilter) => {
    if (filter === 'all') return () => true
    if (filter === 'open') return (state: string) => (OPEN_STATES as readonly string[]).includes(state)
    if (filter === 'awaiting_rating') return (state: string) => state === 'resolved'
    return (state: string) => ['closed', 'returned', 'withdrawn'].includes(state)
  }

  it('pages every filter newest first with the same total on each page, past the end too', async () => {
    const filed: { id: string; state: string; submittedAt: number }[] = []
    for (let i = 0; i < STATES.length; i++) {
      const id = await file(i)
      // Two share a filing instant, so the tie is broken by id as the page's order says.
      const submittedAt = now - (i === 3 ? 2 : i) * HOUR
      await store.db.updateTable('appeals').set({ state: STATES[i], submitted_at: submittedAt }).where('id', '=', id).execute()
      filed.push({ id, state: STATES[i], submittedAt })
    }
    // Another enterprise's appeal is in no total.
    await api.call(town.enterprises.medPack.owner.id, 'appeal.create', {
      category: '融资',
      title: '流动资金贷款',
      description: '订单增加，需要一笔流动资金贷款。',
      contactName: '联系人',
      contactPhone: '13800002222',
    })

    for (const filter of APPEAL_LIST_FILTERS) {
      const want = filed
        .filter((a) => expected(filter)(a.state))
        .sort((a, b) => b.submittedAt - a.submittedAt || (a.id < b.id ? -1 : 1))
        .map((a) => a.id)
      expect(want.length).toBeGreaterThan(0)
      const seen: string[] = []
      for (let offset = 0; offset <= want.length; offset += 3) {
        const page = await api.call(grain.owner.id, 'appeal.listMine', { filter, limit: 3, offset })
        expect(page.total).toBe(want.length)
        seen.push(...page.items.map((a) => a.id))
      }
      expect(seen).toEqual(want)
      const beyond = await api.call(grain.owner.id, 'appeal.listMine', { filter, limit: 3, offset: want.length + 6 })
      expect(beyond).toMatchObject({ items: [], total: want.length })
    }
    // A search counts what it finds, among this enterprise's only.
    const found = await api.call(grain.owner.id, 'appeal.listMine', { search: '第1次' })
    expect(found.total).toBe(1)
    expect((await api.call(grain.owner.id, 'appeal.listMine', { search: '流动资金' })).total).toBe(0)
  })

  it("counts from the enterprise's index alone, whatever the filter", async () => {
    const { db: recording, statements } = recordStatements(store)
    for (const states of [null, OPEN_STATES, ['resolved']]) {
      statements.length = 0
      await listEnterpriseAppealSummaries(recording, grain.id, states, 20, 0)
      const counting = statements.find((q) => /count\(\*\)/.test(q.sql))!
      // On PostgreSQL, the plan an index gives: index-only if the index holds every column the count reads.
      const plan = await planOf(store, counting, ['enable_seqscan = off', 'enable_bitmapscan = off'])
      expect(plan).toContain(
        store.dialect === 'sqlite'
          ? 'USING COVERING INDEX appeals_enterprise_list_idx'
          : 'Index Only Scan using appeals_enterprise_list_idx',
      )
    }
  })
})
