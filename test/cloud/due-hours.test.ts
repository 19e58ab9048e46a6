import { sql } from 'kysely'
import type { Store } from '../../cloud/store/connect'
import { APPEAL_STATES } from '../../cloud/domain/appeal/rules'
import { HOUR } from '../../cloud/domain/clock'
import { findAppealById, insertAppeal, listOverdueSummaries, updateAppealIfVersion } from '../../cloud/store/repositories/appeals'
import { countOverdue, hourOf, rebuildDueHours } from '../../cloud/store/repositories/appeal-due-hours'
import * as dueHoursMigration from '../../cloud/store/migrations/0031-appeal-due-hours'
import { migrateToLatest } from '../../cloud/store/migrate'
import { sweepAppeals } from '../../cloud/workflows/supervision-sweep'
import { DEFAULT_DEADLINES } from '../../cloud/domain/appeal/deadlines'
import { fixedClock } from '../../cloud/domain/clock'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { fileNumbered, seededRandom } from '../support/kept-counts'

/**
 * appeal_due_hours is derived data: whatever happens to the appeals, the overdue total read
 * through it equals the count of appeals past their deadline, at any instant (an hour's edges
 * included), and the table equals its own rebuild. The moves are random (seeded, so a failure can
 * be replayed): any state, fresh or not, any deadline or none.
 */
describe('appeals kept per hour of their deadline', () => {
  let store: Store
  let api: ReturnType<typeof apiAs>
  let now: number

  beforeEach(async () => {
    store = await makeStore()
    const setup = makeServices(store, { now: '2026-03-16T10:20:00+08:00' })
    api = apiAs(setup.services)
    now = setup.clock.now()
  })
  afterEach(() => store.close())

  const file = (i: number) => fileNumbered(api, i)

  /** Instants around now: this hour's start and end, a moment either side of each, and hours and days off. */
  const instants = () => {
    const start = hourOf(now)
    return [now, start, start - 1, start + 1, start + HOUR - 1, start + HOUR, now - 30 * HOUR, now + 5 * HOUR, now + 90 * HOUR]
  }

  const move = (next: () => number) => {
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
    // Half the deadlines on one of the instants above, the rest anywhere in four days either side.
    const due = next() < 0.5 ? pick(instants()) : now + Math.floor((next() - 0.5) * 8 * 24 * HOUR)
    return { state: next() < 0.25 ? 'submitted' : pick(APPEAL_STATES), due_at: next() < 0.2 ? null : due }
  }

  const directCount = async (at: number) => {
    const row = await store.db
      .selectFrom('appeals')
      .where('due_at', '<', at)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  /** The total through the kept hours equals the direct count at every instant, and the dashboard's list says the same. */
  const expectTotalsAgree = async () => {
    for (const at of instants()) expect({ at, total: await countOverdue(store.db, at) }).toEqual({ at, total: await directCount(at) })
    expect((await listOverdueSummaries(store.db, now, 5)).total).toBe(await directCount(now))
  }

  /** The table as each change left it (emptied hours aside) equals the table rebuilt from the appeals. */
  const expectTableRebuilds = async () => {
    const rows = async () =>
      (await store.db.selectFrom('appeal_due_hours').selectAll().where('appeals', '!=', 0).orderBy('hour').execute()).map((r) => ({
        hour: Number(r.hour),
        appeals: Number(r.appeals),
      }))
    const kept = await rows()
    await store.db.transaction().execute((trx) => rebuildDueHours(trx))
    expect(await rows()).toEqual(kept)
  }

  it('equal the direct count at every instant, and their own rebuild, after random moves', async () => {
    const ids: string[] = []
    for (let i = 0; i < 20; i++) ids.push(await file(i))
    // Filed: fresh, so nothing kept yet, and all counted live.
    await expectTotalsAgree()
    await expectTableRebuilds()
    const next = seededRandom(20261201)
    const seen = new Set<string>()
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 25; i++) {
        const appeal = (await findAppealById(store.db, ids[Math.floor(next() * ids.length)]))!
        await store.db.transaction().execute((trx) => updateAppealIfVersion(trx, appeal, move(next)))
      }
      await expectTotalsAgree()
      await expectTableRebuilds()
      for (const appeal of await store.db.selectFrom('appeals').select(['state', 'due_at']).where('id', 'in', ids).execute())
        seen.add(
          appeal.due_at === null ? 'none' : `${appeal.state === 'submitted' ? 'fresh' : 'kept'} ${appeal.due_at < now ? 'past' : 'later'}`,
        )
    }
    // The checks met every kind: fresh and kept, past their deadline and not yet, and with none.
    expect([...seen].sort()).toEqual(['fresh later', 'fresh past', 'kept later', 'kept past', 'none'])
    const kept = await store.db.selectFrom('appeal_due_hours').select('hour').where('appeals', '>', 0).execute()
    expect(kept.length).toBeGreaterThan(1)
  })

  it('an appeal written already moved on (not fresh) is kept as it is written', async () => {
    const template = (await findAppealById(store.db, await file(0)))!
    for (const [i, state] of (['accepted', 'in_progress', 'closed'] as const).entries())
      await insertAppeal(store.db, {
        ...template,
        id: `ap-written-${i}`,
        number: `2026-03-9${i}00`,
        client_request_id: `written-${i}`,
        state,
        due_at: state === 'closed' ? null : now - (i + 1) * 3 * HOUR,
      })
    const rows = await store.db
      .selectFrom('appeal_due_hours')
      .select(['hour', 'appeals'])
      .where('appeals', '!=', 0)
      .orderBy('hour')
      .execute()
    expect(rows.map((r) => [Number(r.hour), Number(r.appeals)])).toEqual([
      [hourOf(now - 6 * HOUR), 1],
      [hourOf(now - 3 * HOUR), 1],
    ])
    await expectTotalsAgree()
  })

  it('the sweep drops the hours it emptied, and the total stays', async () => {
    const ids = [await file(0), await file(1)]
    for (const id of ids) {
      const appeal = (await findAppealById(store.db, id))!
      await updateAppealIfVersion(store.db, appeal, { state: 'accepted', due_at: now - 2 * HOUR })
    }
    const first = (await findAppealById(store.db, ids[0]))!
    await updateAppealIfVersion(store.db, first, { state: 'resolved', due_at: null })
    const hours = () =>
      store.db
        .selectFrom('appeal_due_hours')
        .select(['hour', 'appeals'])
        .execute()
        .then((rows) => rows.map((r) => [Number(r.hour), Number(r.appeals)]))
    expect(await hours()).toEqual([[hourOf(now - 2 * HOUR), 1]])
    const second = (await findAppealById(store.db, ids[1]))!
    await updateAppealIfVersion(store.db, second, { state: 'closed', due_at: null })
    expect(await hours()).toEqual([[hourOf(now - 2 * HOUR), 0]])
    await sweepAppeals({ db: store.db, clock: fixedClock(now), deadlines: DEFAULT_DEADLINES, log: { info: () => {}, error: () => {} } })
    expect(await hours()).toEqual([])
    await expectTotalsAgree()
  })

  it('two moves into and out of one hour at once both count', async () => {
    const [first, second] = [await file(1), await file(2)]
    const read = async (id: string) => (await findAppealById(store.db, id))!
    const due = now - HOUR
    await updateAppealIfVersion(store.db, await read(first), { state: 'accepted', due_at: due })
    const [a, b] = [await read(first), await read(second)]
    // The first holds its transaction open while the second adds to the hour the first takes from:
    // on PostgreSQL the second waits for the first's row lock, then adds to what it left.
    await Promise.all([
      store.db.transaction().execute(async (trx) => {
        await updateAppealIfVersion(trx, a, { state: 'closed', due_at: null })
        await new Promise((resolve) => setTimeout(resolve, 100))
      }),
      new Promise((resolve) => setTimeout(resolve, 30)).then(() =>
        store.db.transaction().execute((trx) => updateAppealIfVersion(trx, b, { state: 'accepted', due_at: due + 1 })),
      ),
    ])
    const [row] = await store.db.selectFrom('appeal_due_hours').selectAll().where('hour', '=', hourOf(due)).execute()
    expect(Number(row.appeals)).toBe(1)
    await expectTotalsAgree()
    await expectTableRebuilds()
  })

  it('migrating to 0031 fills the table from the appeals already there', async () => {
    const ids = [await file(0), await file(1), await file(2)]
    const next = seededRandom(7)
    for (const id of ids) {
      const appeal = (await findAppealById(store.db, id))!
      await updateAppealIfVersion(store.db, appeal, { ...move(next), state: 'in_progress' })
    }
    const before = await store.db.selectFrom('appeal_due_hours').select(['hour', 'appeals']).orderBy('hour').execute()
    expect(before.length).toBeGreaterThan(0)
    await dueHoursMigration.down(store.db as never)
    await sql`delete from kysely_migration where name = '0031-appeal-due-hours'`.execute(store.db)
    expect(await migrateToLatest(store)).toEqual(['0031-appeal-due-hours'])
    const after = await store.db.selectFrom('appeal_due_hours').select(['hour', 'appeals']).orderBy('hour').execute()
    expect(after).toEqual(before)
    await expectTotalsAgree()
  })
})
