import type { Store } from '../../cloud/store/connect'
import { APPEAL_STATES } from '../../cloud/domain/appeal/rules'
import { INBOX_FILTERS } from '../../cloud/domain/appeal/lists'
import { DAY } from '../../cloud/domain/clock'
import { listInboxAppeals, type Decisions, type InboxScope } from '../../cloud/store/repositories/inbox'
import { apiAs } from '../support/api'
import { fileNumbered, seededRandom } from '../support/kept-counts'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * The inbox counts each filter in one pass over the scope, per state, and adds the states up; the
 * page reads the same filter's condition directly. Whatever the appeals hold, every count equals
 * the number of appeals its own page lists. The appeals are moved at random (seeded, so a failure
 * can be replayed), into combinations no workflow makes too.
 */
describe('inbox counts', () => {
  let store: Store
  let now: number

  beforeEach(async () => {
    store = await makeStore()
    const setup = makeServices(store, { now: '2026-03-16T10:00:00+08:00' })
    now = setup.clock.now()
    const api = apiAs(setup.services)
    const ids: string[] = []
    // Two firms, twenty a day each: as many as they may file.
    for (let i = 0; i < 40; i++) ids.push(await fileNumbered(api, i))

    const next = seededRandom(20261201)
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
    const when = () => now - Math.floor(next() * 8 * DAY) + Math.floor(next() * 8 * DAY)
    const maybe = <T>(value: T) => (next() < 0.5 ? value : null)
    for (const [i, id] of ids.entries())
      await store.db
        .updateTable('appeals')
        .set({
          // Every state at least once, then any.
          state: APPEAL_STATES[i] ?? pick(APPEAL_STATES),
          handler_id: pick([town.officer.id, town.officers.industry2.id, town.heads.industry.id, null]),
          department_id: pick([town.departments.industry.id, town.departments.transport.id, null]),
          due_at: maybe(when()),
          close_due_at: when(),
          paused_at: maybe(when()),
          conduct: pick([0, 0, 1]),
          rating_contest: pick([null, null, 'pending', 'upheld']),
          spot_check_picked: pick([0, 1]),
          spot_checked_at: maybe(when()),
        })
        .where('id', '=', id)
        .execute()
  })
  afterEach(() => store.close())

  const SCOPES: InboxScope[] = [
    { handlerId: town.officer.id },
    { departmentId: town.departments.industry.id, handlerId: town.heads.industry.id },
    'all',
  ]
  const DECISIONS: Decisions[] = [null, 'extension', 'dispute', 'office']

  it("equal the number of appeals each filter's page lists, for every scope and decision, now and later", async () => {
    let nonZero = 0
    for (const at of [now, now + 5 * DAY])
      for (const scope of SCOPES)
        for (const decisions of DECISIONS) {
          const page = { now: at, decisions, limit: 1000, offset: 0 }
          const { counts } = await listInboxAppeals(store.db, scope, 'open', page)
          for (const filter of INBOX_FILTERS) {
            const { rows, matched } = await listInboxAppeals(store.db, scope, filter, page)
            expect({ scope, decisions, at, filter, count: counts[filter] }).toEqual({ scope, decisions, at, filter, count: rows.length })
            expect(matched).toBe(rows.length)
            if (rows.length > 0) nonZero++
          }
        }
    // The moves reach every filter: a count of zero everywhere would agree with an empty page.
    expect(nonZero).toBeGreaterThan(60)
  })

  it("with a search, each count is of the matches among that filter's page, and the total of every match", async () => {
    const term = '第 1' // 第 1 件 and 第 10–19 件
    for (const scope of SCOPES) {
      const page = { now, decisions: 'office' as const, limit: 1000, offset: 0 }
      const searched = await listInboxAppeals(store.db, scope, 'open', { ...page, search: term })
      expect(searched.matched).toBe(searched.rows.length)
      expect(searched.rows.every((row) => row.title.includes(term))).toBe(true)
      for (const filter of INBOX_FILTERS) {
        const { rows } = await listInboxAppeals(store.db, scope, filter, page)
        expect({ scope, filter, count: searched.counts[filter] }).toEqual({
          scope,
          filter,
          count: rows.filter((row) => row.title.includes(term)).length,
        })
      }
    }
  })
})
