import type { Store } from '../../cloud/store/connect'
import { findAppealById, updateAppealIfVersion } from '../../cloud/store/repositories/appeals'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

const HOUR = 3_600_000

/**
 * The inbox's order, which the store reads from its index (NULLS LAST on the deadline): the deadline
 * that runs out first on top, ties by filing, and those whose clock stands still (no deadline) after
 * every running one; pages continue that order.
 */
describe('inbox order', () => {
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

  const file = async (title: string) =>
    (
      await api.call(grain.owner.id, 'appeal.create', {
        category: '水电气路',
        title,
        description: '新上两条吹塑生产线，现有变压器容量不够，需要增容。',
        contactName: '联系人',
        contactPhone: '13800001111',
      })
    ).id
  // Through the store's own write, so that the kept counts follow (appeal-inbox-counts.ts).
  const set = async (id: string, values: { due_at: number | null; submitted_at: number; state?: 'info_paused' }) =>
    updateAppealIfVersion(store.db, (await findAppealById(store.db, id))!, values)

  it('runs by deadline, ties by filing, the stood-still last; pages carry on from there', async () => {
    const [late, soon, paused, soonFiledLater] = [
      await file('五小时后到期'),
      await file('一小时后到期'),
      await file('待补充'),
      await file('同样一小时'),
    ]
    await set(late, { due_at: now + 5 * HOUR, submitted_at: now - 4 * HOUR })
    await set(soon, { due_at: now + HOUR, submitted_at: now - 3 * HOUR })
    await set(paused, { due_at: null, submitted_at: now - 5 * HOUR, state: 'info_paused' })
    await set(soonFiledLater, { due_at: now + HOUR, submitted_at: now - 2 * HOUR })
    const officer = grain.officer_id!

    const all = await api.call(officer, 'appeal.inbox', { filter: 'open' })
    expect(all.items.map((a) => a.id)).toEqual([soon, soonFiledLater, late, paused])
    expect(all.counts.open).toBe(4)
    const second = await api.call(officer, 'appeal.inbox', { filter: 'open', limit: 2, offset: 2 })
    expect(second.items.map((a) => a.id)).toEqual([late, paused])
    // 水电气路 is the transport office's: its head's inbox reads the same order through the department index.
    const department = await api.call(town.heads.transport.id, 'appeal.inbox', { filter: 'open' })
    expect(department.items.map((a) => a.id)).toEqual([soon, soonFiledLater, late, paused])
  })
})
