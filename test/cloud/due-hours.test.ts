import { sql } from 'kysely'
import type { Store } from '../../cloud/store/connect'
import { APPEAL_STATES } from '../../cloud/domain/appeal/rules'
import { HOUR } from '../../cloud/domain/clock'
import { findAppealById, insertAppeal, listOverdueSummaries, updateAppealIfVersion } from '../../cloud/store/repositories/appeals'
import { countOverdue, foldDueHours, hourOf, rebuildDueHours } from '../../cloud/store/repositories/appeal-due-hours'
import * as dueHoursMigration from '../../cloud/store/migrations/0031-appeal-due-hours'
import { migrateToLatest } from '../../cloud/store/migrate'
import { sweepAppeals } from '../../cloud/workflows/supervision-sweep'
import { DEFAULT_DEADLINES } from '../../cloud/domain/appeal/deadlines'
import { fixedClock } from '../../cloud/domain/clock'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { fileNumbered, instantsAround, seededRandom } from '../support/kept-counts'

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

  const instants = () => instantsAround(now)

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

  /** The kept hours as summed on reading (an hour's additions together, the hours at none left out). */
  const keptHours = async () =>
    (
      await store.db
        .selectFrom('appeal_due_hours')
        .select(['hour', sql<number>`sum(appeals)`.as('appeals')])
        .groupBy('hour')
        .having(sql<number>`sum(appeals)`, '<>', 0)
        .orderBy('hour')
        .execute()
    ).map((r) => [Number(r.hour), Number(r.appeals)])

  /** The table as each change left it equals the table rebuilt from the appeals. */
  const expectTableRebuilds = async () => {
    const kept = await keptHours()
    await store.db.transaction().execute((trx) => rebuildDueHours(trx))
    expect(await keptHours()).toEqual(kept)
  }

  const read = async (id: string) => (await findAppealById(store.db, id))!
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

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
    expect((await keptHours()).length).toBeGreaterThan(1)
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
    expect(await keptHours()).toEqual([
      [hourOf(now - 6 * HOUR), 1],
      [hourOf(now - 3 * HOUR), 1],
    ])
    await expectTotalsAgree()
  })

  it('the sweep folds the additions into a row an hour, drops the hours that sum to none, and the total stays', async () => {
    const ids = [await file(0), await file(1), await file(2), await file(3)]
    const [past, later] = [now - 2 * HOUR, now + 5 * HOUR]
    for (const [i, id] of ids.entries())
      await updateAppealIfVersion(store.db, await read(id), { state: 'accepted', due_at: i < 2 ? past : later })
    await updateAppealIfVersion(store.db, await read(ids[0]), { state: 'resolved', due_at: null })
    await updateAppealIfVersion(store.db, await read(ids[2]), { due_at: now - 30 * HOUR })
    await updateAppealIfVersion(store.db, await read(ids[2]), { state: 'closed', due_at: null })
    const rows = () =>
      store.db
        .selectFrom('appeal_due_hours')
        .select(['hour', 'appeals'])
        .orderBy('hour')
        .orderBy('appeals')
        .execute()
        .then((found) => found.map((r) => [Number(r.hour), Number(r.appeals)]))
    // Each move's additions as written, and an hour (30 hours ago) that came to none.
    const [h30, hp, hl] = [hourOf(now - 30 * HOUR), hourOf(past), hourOf(later)]
    expect(await rows()).toEqual([
      [h30, -1],
      [h30, 1],
      [hp, -1],
      [hp, 1],
      [hp, 1],
      [hl, -1],
      [hl, 1],
      [hl, 1],
    ])
    await sweepAppeals({ db: store.db, clock: fixedClock(now), deadlines: DEFAULT_DEADLINES, log: { info: () => {}, error: () => {} } })
    expect(await rows()).toEqual([
      [hp, 1],
      [hl, 1],
    ])
    await expectTotalsAgree()
    await expectTableRebuilds()
  })

  it('a move into an hour another open transaction moved out of does not wait for it', async () => {
    const [first, second] = [await file(1), await file(2)]
    const due = now - HOUR
    // In another category, so that the two moves share no kept month row, only the hour.
    await updateAppealIfVersion(store.db, await read(first), { state: 'accepted', due_at: due, category: '用工' })
    const [a, b] = [await read(first), await read(second)]
    const finished: string[] = []
    await Promise.all([
      store.db.transaction().execute(async (trx) => {
        await updateAppealIfVersion(trx, a, { state: 'closed', due_at: null })
        await pause(300)
        finished.push('holding')
      }),
      pause(30).then(() =>
        store.db.transaction().execute(async (trx) => {
          await updateAppealIfVersion(trx, b, { state: 'accepted', due_at: due + 1 })
          finished.push('moving')
        }),
      ),
    ])
    // SQLite's one connection takes the two in turn; PostgreSQL's second finishes while the first holds.
    expect(finished).toEqual(store.dialect === 'postgres' ? ['moving', 'holding'] : ['holding', 'moving'])
    expect(await keptHours()).toEqual([[hourOf(due), 1]])
    await expectTotalsAgree()
    await expectTableRebuilds()
  })

  it('a fold beside an open move, and beside another fold, loses nothing', async () => {
    const ids = [await file(0), await file(1), await file(2)]
    for (const [i, id] of ids.entries())
      await updateAppealIfVersion(store.db, await read(id), { state: 'accepted', due_at: now - (i + 1) * HOUR })
    const moving = await read(ids[0])
    await Promise.all([
      store.db.transaction().execute(async (trx) => {
        await updateAppealIfVersion(trx, moving, { due_at: now - 5 * HOUR })
        await pause(200)
      }),
      pause(30).then(() => Promise.all([foldDueHours(store.db), foldDueHours(store.db)])),
    ])
    await foldDueHours(store.db)
    expect(await keptHours()).toEqual([
      [hourOf(now - 5 * HOUR), 1],
      [hourOf(now - 3 * HOUR), 1],
      [hourOf(now - 2 * HOUR), 1],
    ])
    await expectTotalsAgree()
    await expectTableRebuilds()
  })

  it('the rebuild counts deadlines months apart, either side of a thirty-day span and on the last', async () => {
    const ids = [await file(0), await file(1), await file(2), await file(3)]
    const first = hourOf(now - 80 * 24 * HOUR) + 17
    const edge = hourOf(first) + 30 * 24 * HOUR
    // The last deadline falls on the start of the third span, which the rebuild must still read.
    const deadlines = [first, edge - 1, edge, hourOf(first) + 60 * 24 * HOUR]
    for (const [i, id] of ids.entries()) await updateAppealIfVersion(store.db, await read(id), { state: 'accepted', due_at: deadlines[i] })
    expect(await keptHours()).toEqual(deadlines.map((due) => [hourOf(due), 1]))
    await expectTableRebuilds()
    await expectTotalsAgree()
  })

  it('a transaction moving two appeals and one moving a third of the same kept month row and hour both finish', async () => {
    // a in a category of its own; b and c filed by one firm in one category, so one kept month row.
    const [a, b, c] = [await file(0), await file(1), await file(3)]
    const due = now - 3 * HOUR
    await updateAppealIfVersion(store.db, await read(a), { state: 'accepted', due_at: due, category: '用工' })
    await updateAppealIfVersion(store.db, await read(b), { state: 'accepted', due_at: due + 1 })
    const [ra, rb, rc] = [await read(a), await read(b), await read(c)]
    // The first resolves a (the hour), then b (the shared month row); meanwhile the second accepts
    // c (the shared month row, then the hour). On PostgreSQL, a row per hour locked by the first
    // made the two wait on each other, and the database failed one of them.
    await Promise.all([
      store.db.transaction().execute(async (trx) => {
        await updateAppealIfVersion(trx, ra, { state: 'resolved', due_at: null })
        await pause(100)
        await updateAppealIfVersion(trx, rb, { state: 'resolved', due_at: null })
      }),
      pause(30).then(() => store.db.transaction().execute((trx) => updateAppealIfVersion(trx, rc, { state: 'accepted', due_at: due + 2 }))),
    ])
    expect(await keptHours()).toEqual([[hourOf(due), 1]])
    await expectTotalsAgree()
    await expectTableRebuilds()
  })

  it('a change that names a deadline as undefined leaves it, for the counts as for the row', async () => {
    const id = await file(0)
    await updateAppealIfVersion(store.db, await read(id), { state: 'accepted', due_at: now - 2 * HOUR })
    await updateAppealIfVersion(store.db, await read(id), { title: '改了标题', due_at: undefined })
    expect((await read(id)).due_at).toBe(now - 2 * HOUR)
    expect(await keptHours()).toEqual([[hourOf(now - 2 * HOUR), 1]])
    await expectTotalsAgree()
  })

  it('migrating to 0031 fills the table from the appeals already there', async () => {
    const ids = [await file(0), await file(1), await file(2)]
    const next = seededRandom(7)
    for (const id of ids) await updateAppealIfVersion(store.db, await read(id), { ...move(next), state: 'in_progress' })
    const before = await keptHours()
    expect(before.length).toBeGreaterThan(0)
    await dueHoursMigration.down(store.db as never)
    await sql`delete from kysely_migration where name = '0031-appeal-due-hours'`.execute(store.db)
    expect(await migrateToLatest(store)).toEqual(['0031-appeal-due-hours'])
    expect(await keptHours()).toEqual(before)
    await expectTotalsAgree()
  })
})
