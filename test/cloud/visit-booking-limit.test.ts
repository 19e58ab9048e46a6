import { DEFAULT_BOOKINGS_PER_WEEK } from '../../cloud/domain/visit/calendar'
import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * One enterprise cannot take an officer's whole week: it holds at most a few live bookings with one
 * visitor in a week (VISIT_BOOKINGS_PER_WEEK), however many it sends at once. Monday 2 March 2026.
 */
describe('visit bookings per enterprise and week', () => {
  let store: Store
  let api: ReturnType<typeof apiAs>
  const e = town.enterprises.medPack
  const officer = town.officer.id
  const week = ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].flatMap((day) => [
    { day, half: 'am' as const },
    { day, half: 'pm' as const },
  ])
  let n = 0
  const book = (slot: { day: string; half: 'am' | 'pm' }) =>
    api.fail(e.owner.id, 'visit.book', { clientRequestId: `limit-${++n}-booking`, hostId: officer, ...slot, topic: '用工' })

  beforeEach(async () => {
    store = await makeStore()
    api = apiAs(makeServices(store, { now: '2026-03-02T09:00:00+08:00' }).services)
    await api.call(officer, 'visit.setAvailability', { weekOf: '2026-03-04', slots: week })
  })
  afterEach(() => store.close())

  it(`all eight half-days asked for at once: ${DEFAULT_BOOKINGS_PER_WEEK} booked, the rest told why`, async () => {
    const replies = await Promise.all(week.map(book))
    const booked = replies.filter((r) => r.status === 200)
    expect(booked).toHaveLength(DEFAULT_BOOKINGS_PER_WEEK)
    for (const refused of replies.filter((r) => r.status !== 200)) {
      expect(refused).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', message: expect.stringContaining('本周已预约') } } })
    }
    // The other firms the officer covers still find the rest of the week open.
    const { hosts } = await api.call(town.enterprises.vialWorks.owner.id, 'visit.slots', {})
    expect(hosts.find((h) => h.id === officer)!.slots.filter((s) => s.free)).toHaveLength(week.length - DEFAULT_BOOKINGS_PER_WEEK)
  })

  it('a booking that ends gives its place back; next week has places of its own', async () => {
    const first = (await book(week[0])).body as { data: { id: string; version: number } }
    await book(week[1])
    expect((await book(week[2])).status).toBe(409)
    await api.call(e.owner.id, 'visit.cancel', { id: first.data.id, version: first.data.version, reason: '时间冲突' })
    expect((await book(week[2])).status).toBe(200)
    await api.call(officer, 'visit.setAvailability', { weekOf: '2026-03-11', slots: [{ day: '2026-03-10', half: 'am' }] })
    expect((await book({ day: '2026-03-10', half: 'am' })).status).toBe(200)
  })
})
