import { sql } from 'kysely'
import type { Store } from '../../cloud/store/connect'
import { APPEAL_STATES, RATINGS } from '../../cloud/domain/appeal/rules'
import { APPEAL_CATEGORIES } from '../../cloud/domain/appeal/categories'
import { monthRange } from '../../cloud/domain/metrics'
import { DAY, HOUR, inZone } from '../../cloud/domain/clock'
import { findAppealById, insertAppeal, updateAppealIfVersion } from '../../cloud/store/repositories/appeals'
import { dayOf, rebuildDailyCounts } from '../../cloud/store/repositories/appeal-daily-counts'
import { countAppealMetrics, countAppealsDirectly, type MetricDimension } from '../../cloud/store/repositories/metrics'
import { DUE_AHEAD, FRESH, RECTIFY_AHEAD } from '../../cloud/store/repositories/metric-conditions'
import * as dailyCountsMigration from '../../cloud/store/migrations/0027-appeal-daily-counts'
import * as deadlinesAheadMigration from '../../cloud/store/migrations/0042-deadlines-ahead'
import { migrateToLatest } from '../../cloud/store/migrate'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { fileNumbered, seededRandom } from '../support/kept-counts'

/**
 * appeal_daily_counts is derived data: whatever happens to the appeals, the month's counts read
 * through it equal the counts read from the appeals alone, and the table equals its own rebuild.
 * The moves below are random (seeded, so a failure can be replayed): any state, department,
 * category, rating, pause, rework or rectification, including ones no workflow makes, since the
 * kept counts must not depend on the workflows' habits.
 */
describe('kept daily counts', () => {
  let store: Store
  let api: ReturnType<typeof apiAs>
  let now: number
  let departments: string[]

  beforeEach(async () => {
    store = await makeStore()
    const setup = makeServices(store, { now: '2026-03-16T10:00:00+08:00' })
    api = apiAs(setup.services)
    now = setup.clock.now()
    departments = (await store.db.selectFrom('departments').select('id').execute()).map((d) => d.id)
  })
  afterEach(() => store.close())

  const file = (i: number) => fileNumbered(api, i)

  /** Some column values an appeal can take, each drawn on its own. */
  const move = (next: () => number, at: number, monthStart: number) => {
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
    const maybe = <T>(value: T) => (next() < 0.5 ? value : null)
    const when = () => at - Math.floor(next() * 20 * DAY) + Math.floor(next() * 10 * DAY)
    return {
      state: pick(APPEAL_STATES),
      department_id: next() < 0.1 ? null : pick(departments),
      category: pick(APPEAL_CATEGORIES),
      // Some land on a day's edges, and some in the months on either side of this one.
      ...(next() < 0.2 ? { submitted_at: pick([monthStart, monthStart - 1, monthStart + DAY - 1, monthStart + 10 * DAY, when()]) } : {}),
      responded_at: maybe(when()),
      resolved_at: maybe(when()),
      resolved_late: pick([0, 1]),
      due_at: maybe(when()),
      close_due_at: when(),
      rating: maybe(pick(RATINGS)),
      rating_voided: next() < 0.2 ? 1 : 0,
      solved: pick([null, 0, 1]),
      reopen_count: pick([0, 0, 1, 2]),
      rectify_due_at: maybe(when()),
      rectified_at: maybe(when()),
      rectify_late: pick([0, 1]),
      followed_up_at: maybe(when()),
      paused_at: next() < 0.2 ? when() : null,
      paused_ms: Math.floor(next() * 5) * HOUR,
      pause_count: pick([0, 1, 2]),
      return_outcome: pick([null, null, 'pending', 'upheld', 'overturned']),
      withdrawn_late: pick([0, 1]),
      dispute_count: pick([0, 0, 1]),
      spot_check_picked: pick([0, 1]),
      spot_checked_at: maybe(when()),
    }
  }

  const SPLITS: MetricDimension[][] = [['department'], ['department', 'category', 'week'], ['category'], []]

  /**
   * The month's counts through the kept table equal the direct count, split every way, now and
   * later; weeks counted from the month's first day, or from a Monday before it (the dashboard's).
   */
  const expectCountsAgree = async (month: string) => {
    const range = monthRange(month)
    for (const at of [now, now + 12 * DAY])
      for (const by of SPLITS)
        for (const weekOrigin of by.includes('week') ? [range.from, range.from - 3 * DAY] : [range.from])
          for (const filter of [undefined, { departmentId: departments[0] }]) {
            const sorted = (groups: Awaited<ReturnType<typeof countAppealMetrics>>) =>
              groups.map((g) => JSON.stringify(g)).sort((a, b) => a.localeCompare(b))
            const kept = await countAppealMetrics(store.db, range, at, by, weekOrigin, filter)
            const direct = await countAppealsDirectly(store.db, range, at, by, weekOrigin, filter)
            expect({ by, weekOrigin, filter, groups: sorted(kept) }).toEqual({ by, weekOrigin, filter, groups: sorted(direct) })
          }
  }

  /** The table as each change left it equals the table rebuilt from the appeals. */
  const expectTableRebuilds = async () => {
    const rows = () =>
      store.db
        .selectFrom('appeal_daily_counts')
        .selectAll()
        .where('received', '>', 0)
        .orderBy('day')
        .orderBy('department_id')
        .orderBy('category')
        .execute()
    const kept = await rows()
    await store.db.transaction().execute((trx) => rebuildDailyCounts(trx))
    expect(await rows()).toEqual(kept)
  }

  it('equal the direct count, and their own rebuild, after random moves', async () => {
    const ids: string[] = []
    for (let i = 0; i < 24; i++) ids.push(await file(i))
    const month = inZone(now).format('YYYY-MM')
    const monthStart = monthRange(month).from
    // Filed: each adds itself.
    await expectCountsAgree(month)
    await expectTableRebuilds()
    // Spread over the month and its edges, as filed (the kept counts follow a changed filing time too).
    for (const [i, id] of ids.entries()) {
      const appeal = (await findAppealById(store.db, id))!
      await updateAppealIfVersion(store.db, appeal, { submitted_at: monthStart - DAY + i * 16 * HOUR })
    }
    // Still fresh, so read live, some on a week's first instant (the 13th and the 19th filed).
    await expectCountsAgree(month)
    const next = seededRandom(20261130)
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 30; i++) {
        const appeal = (await findAppealById(store.db, ids[Math.floor(next() * ids.length)]))!
        await store.db.transaction().execute((trx) => updateAppealIfVersion(trx, appeal, move(next, now, monthStart)))
      }
      await expectCountsAgree(month)
      await expectTableRebuilds()
    }
    // The moves reached every kind the read treats apart at `now`: deadlines ahead (taken back from
    // the kept counts) and passed, rectifications ahead, pauses running (the kept sum run on to now).
    const reached = await store.db
      .selectFrom('appeals')
      .select([
        sql<number>`sum(case when ${DUE_AHEAD} and due_at >= ${now} then 1 else 0 end)`.as('dueAhead'),
        sql<number>`sum(case when ${DUE_AHEAD} and due_at < ${now} then 1 else 0 end)`.as('duePassed'),
        sql<number>`sum(case when ${RECTIFY_AHEAD} and rectify_due_at >= ${now} then 1 else 0 end)`.as('rectifyAhead'),
        sql<number>`sum(case when not ${FRESH} and paused_at is not null then 1 else 0 end)`.as('paused'),
      ])
      .where('id', 'in', ids)
      .executeTakeFirstOrThrow()
    for (const n of Object.values(reached)) expect(Number(n)).toBeGreaterThan(0)
  })

  it('an appeal written already moved on (not fresh) is kept as it is written', async () => {
    const template = (await findAppealById(store.db, await file(0)))!
    const month = inZone(now).format('YYYY-MM')
    for (const [i, state] of (['closed', 'accepted', 'withdrawn'] as const).entries())
      await insertAppeal(store.db, {
        ...template,
        id: `ap-written-${i}`,
        number: `${month}-9${i}00`,
        client_request_id: `written-${i}`,
        state,
        rating: state === 'closed' ? 'satisfied' : null,
        responded_at: now,
      })
    await expectCountsAgree(month)
    await expectTableRebuilds()
  })

  it('migrating to 0027 and 0042 fills the table from the appeals already there', async () => {
    const ids = [await file(0), await file(1), await file(2)]
    const next = seededRandom(3)
    for (const id of ids) {
      const appeal = (await findAppealById(store.db, id))!
      await updateAppealIfVersion(store.db, appeal, move(next, now, monthRange(inZone(now).format('YYYY-MM')).from))
    }
    // One filed three months earlier: the rebuild counts thirty days a statement, so it spans several.
    const early = (await findAppealById(store.db, ids[0]))!
    await updateAppealIfVersion(store.db, early, { submitted_at: now - 95 * DAY, state: 'closed' })
    await deadlinesAheadMigration.down(store.db as never)
    await dailyCountsMigration.down(store.db as never)
    await sql`delete from kysely_migration where name in ('0027-appeal-daily-counts', '0042-deadlines-ahead')`.execute(store.db)
    expect(await migrateToLatest(store)).toEqual(['0027-appeal-daily-counts', '0042-deadlines-ahead'])
    const rows = await store.db.selectFrom('appeal_daily_counts').select('received').execute()
    expect(rows.reduce((n, r) => n + Number(r.received), 0)).toBeGreaterThan(0)
    await expectCountsAgree(inZone(now).format('YYYY-MM'))
    await expectCountsAgree(inZone(now - 95 * DAY).format('YYYY-MM'))
    const earlyDay = await store.db
      .selectFrom('appeal_daily_counts')
      .select('received')
      .where('day', '=', dayOf(now - 95 * DAY))
      .execute()
    expect(earlyDay.map((r) => Number(r.received))).toEqual([1])
  })

  it('a day is a day in Beijing', () => {
    const midnight = new Date('2026-03-16T00:00:00+08:00').getTime()
    expect(dayOf(midnight)).toBe(midnight)
    expect(dayOf(midnight - 1)).toBe(midnight - DAY)
    expect(dayOf(midnight + DAY - 1)).toBe(midnight)
  })

  it('two changes to one day, department and category at once both count', async () => {
    const [first, second] = [await file(1), await file(2)]
    const read = async (id: string) => (await findAppealById(store.db, id))!
    const [a, b] = [await read(first), await read(second)]
    const closed = { state: 'closed', due_at: null, resolved_at: now, rating: 'satisfied' }
    // The first holds its transaction open a moment while the second settles another appeal of the
    // same bucket: on PostgreSQL the second waits for the first's lock, then counts both.
    await Promise.all([
      store.db.transaction().execute(async (trx) => {
        await updateAppealIfVersion(trx, a, closed)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }),
      new Promise((resolve) => setTimeout(resolve, 30)).then(() =>
        store.db.transaction().execute((trx) => updateAppealIfVersion(trx, b, closed)),
      ),
    ])
    const [row] = await store.db.selectFrom('appeal_daily_counts').selectAll().where('day', '=', dayOf(a.submitted_at)).execute()
    expect({ received: Number(row.received), satisfied: Number(row.satisfied) }).toEqual({ received: 2, satisfied: 2 })
    await expectTableRebuilds()
  })
})
