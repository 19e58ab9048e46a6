import { sql } from 'kysely'
import type { Store } from '../../cloud/store/connect'
import { APPEAL_STATES } from '../../cloud/domain/appeal/rules'
import { DAY, HOUR, fixedClock } from '../../cloud/domain/clock'
import { DEFAULT_DEADLINES } from '../../cloud/domain/appeal/deadlines'
import { findAppealById, insertAppeal, updateAppealIfVersion } from '../../cloud/store/repositories/appeals'
import { hourOf } from '../../cloud/store/repositories/appeal-due-hours'
import { foldInboxCounts, LONG_PAST, rebuildInboxCounts } from '../../cloud/store/repositories/appeal-inbox-counts'
import { listInboxAppeals, type Decisions, type InboxScope } from '../../cloud/store/repositories/inbox'
import * as inboxCountsMigration from '../../cloud/store/migrations/0035-appeal-inbox-counts'
import { migrateToLatest } from '../../cloud/store/migrate'
import { sweepAppeals } from '../../cloud/workflows/supervision-sweep'
import { apiAs } from '../support/api'
import { fileNumbered, instantsAround, keptInboxRows, seededRandom } from '../support/kept-counts'
import { makeServices, makeStore } from '../support/services'
import { planOf, recordStatements } from '../support/statements'
import { town } from '../support/town'

/**
 * appeal_inbox_counts is derived data: whatever the appeals go through, every inbox's counts read
 * from it equal the counts read from every appeal of the scope, at any instant (an hour's edges
 * included), and the table equals its own rebuild. The moves go through the store's write, at
 * random (seeded, so a failure can be replayed): any state, fresh or not, any handler and
 * department, any deadline or none, pauses begun before, at and after their deadline.
 */
describe('inbox counts kept per handler, department, state and hour', () => {
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
  const read = async (id: string) => (await findAppealById(store.db, id))!

  const instants = () => instantsAround(now)

  const SCOPES: InboxScope[] = [
    { handlerId: town.officer.id },
    { handlerId: town.officers.industry2.id },
    { departmentId: town.departments.industry.id, handlerId: town.heads.industry.id },
    { departmentId: town.departments.transport.id, handlerId: town.officer.id },
    'all',
  ]
  const DECISIONS: Decisions[] = [null, 'extension', 'dispute', 'office']

  const move = (next: () => number) => {
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
    const when = () => (next() < 0.5 ? pick(instants()) : now + Math.floor((next() - 0.5) * 8 * DAY))
    const closeDue = when()
    return {
      // Fresh, and paused (the pauses' edges below), more often than their share of the states.
      state: next() < 0.2 ? 'submitted' : next() < 0.15 ? 'info_paused' : pick(APPEAL_STATES),
      handler_id: pick([town.officer.id, town.officers.industry2.id, town.heads.industry.id, null]),
      department_id: pick([town.departments.industry.id, town.departments.transport.id, null]),
      due_at: next() < 0.2 ? null : when(),
      close_due_at: closeDue,
      // Pauses begun at the deadline now and then, and before or after it.
      paused_at: next() < 0.15 ? closeDue : next() < 0.5 ? when() : null,
      // What puts an appeal in the 督查 office's queue besides its state.
      rating_contest: pick([null, null, 'pending', 'upheld'] as const),
      spot_check_picked: pick([0, 1]),
      spot_checked_at: next() < 0.5 ? null : when(),
      conduct: pick([0, 0, 1]),
    }
  }

  /** The kept counts and the live ones agree for every scope, decision kind and instant given. */
  const expectCountsAgree = async (at: number[] = instants()) => {
    for (const instant of at)
      for (const scope of SCOPES)
        for (const decisions of DECISIONS) {
          const page = { now: instant, decisions, limit: 1, offset: 0 }
          const kept = await listInboxAppeals(store.db, scope, 'open', page)
          const live = await listInboxAppeals(store.db, scope, 'open', { ...page, via: 'live' })
          expect({ instant, scope, decisions, counts: kept.counts }).toEqual({ instant, scope, decisions, counts: live.counts })
        }
  }

  const keptRows = () => keptInboxRows(store.db)

  /** The table as each change left it equals the table rebuilt from the appeals. */
  const expectTableRebuilds = async () => {
    const kept = await keptRows()
    await store.db.transaction().execute((trx) => rebuildInboxCounts(trx))
    expect(await keptRows()).toEqual(kept)
  }

  it('equal the live counts at every instant, and their own rebuild, after random moves', async () => {
    const ids: string[] = []
    for (let i = 0; i < 24; i++) ids.push(await file(i))
    // Filed: fresh, so nothing kept yet, and all counted live.
    expect(await keptRows()).toEqual([])
    await expectCountsAgree()
    const next = seededRandom(20261202)
    const seen = new Set<string>()
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 30; i++) {
        const appeal = await read(ids[Math.floor(next() * ids.length)])
        await store.db.transaction().execute((trx) => updateAppealIfVersion(trx, appeal, move(next)))
      }
      await expectCountsAgree()
      await expectTableRebuilds()
      for (const a of await store.db.selectFrom('appeals').selectAll().where('id', 'in', ids).execute()) {
        const start = hourOf(now)
        seen.add(a.state === 'submitted' ? 'fresh' : 'kept')
        if (a.due_at !== null && a.due_at >= start && a.due_at < now) seen.add('due earlier this hour')
        if (a.state === 'info_paused' && a.paused_at !== null && a.close_due_at < a.paused_at) seen.add('paused late')
        if (a.state === 'info_paused' && a.paused_at === a.close_due_at) seen.add('paused at its deadline')
        if (a.rating_contest === 'pending' || (a.spot_check_picked === 1 && a.spot_checked_at === null && a.state === 'closed'))
          seen.add('in the office queue')
      }
    }
    // The checks met every kind the counts treat apart.
    expect([...seen].sort()).toEqual([
      'due earlier this hour',
      'fresh',
      'in the office queue',
      'kept',
      'paused at its deadline',
      'paused late',
    ])
    expect((await keptRows()).length).toBeGreaterThan(10)
  })

  it('the sweep folds the additions into a row a key and gathers the hours long past, and the counts stay', async () => {
    const ids: string[] = []
    for (let i = 0; i < 12; i++) ids.push(await file(i))
    const next = seededRandom(7)
    for (let i = 0; i < 60; i++) await updateAppealIfVersion(store.db, await read(ids[Math.floor(next() * ids.length)]), move(next))
    // Two more, due two and three days ago: the gathering puts them under one key.
    for (const [i, id] of ids.slice(0, 2).entries())
      await updateAppealIfVersion(store.db, await read(id), {
        state: 'accepted',
        handler_id: town.officer.id,
        department_id: town.departments.industry.id,
        due_at: now - (2 + i) * DAY,
      })
    const before = await store.db
      .selectFrom('appeal_inbox_counts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    await sweepAppeals({ db: store.db, clock: fixedClock(now), deadlines: DEFAULT_DEADLINES, log: { info: () => {}, error: () => {} } })
    const rows = await store.db.selectFrom('appeal_inbox_counts').selectAll().execute()
    expect(rows.length).toBeLessThan(Number(before.n))
    // One row a key, none at nothing, no hour more than a day before now but the gathered 0.
    const keys = rows.map((r) => JSON.stringify([r.handler_id, r.department_id, r.state, r.hour, r.paused_late]))
    expect(new Set(keys).size).toBe(rows.length)
    expect(rows.filter((r) => Number(r.appeals) === 0)).toEqual([])
    expect(rows.filter((r) => r.hour !== null && Number(r.hour) !== LONG_PAST && Number(r.hour) < hourOf(now) - DAY)).toEqual([])
    expect(rows.filter((r) => r.state === 'accepted' && r.hour !== null && Number(r.hour) === LONG_PAST).length).toBeGreaterThan(0)
    // A read at the sweep's clock, or any later, or up to a day before, answers as before.
    await expectCountsAgree(instants().filter((at) => at >= now - DAY + HOUR))
    // Folded, the table is left alone; a day on, the hours then long past are gathered.
    const recorded = recordStatements(store)
    await foldInboxCounts(recorded.db, now)
    // (On PostgreSQL the read's transaction first allows it parallel workers.)
    const folding = recorded.statements.filter((s) => !s.sql.includes('set_config'))
    expect(folding.map((s) => s.sql.trim().split(/\s/)[0])).toEqual(['select'])
    const later = now + 3 * DAY
    const longPastThen = (r: (typeof rows)[number]) =>
      r.hour !== null && Number(r.hour) !== LONG_PAST && Number(r.hour) < hourOf(later) - DAY
    expect(rows.filter(longPastThen).length).toBeGreaterThan(0)
    await foldInboxCounts(store.db, later)
    expect((await store.db.selectFrom('appeal_inbox_counts').selectAll().execute()).filter(longPastThen)).toEqual([])
  })

  it('the fold rewrites a state whose key was written twice, and leaves the others alone', async () => {
    const ids = [await file(0), await file(1), await file(2)]
    const accept = { state: 'accepted', handler_id: town.officer.id, department_id: town.departments.industry.id, due_at: now + 5 * HOUR }
    for (const id of ids.slice(0, 2)) await updateAppealIfVersion(store.db, await read(id), accept)
    await updateAppealIfVersion(store.db, await read(ids[2]), { ...accept, state: 'in_progress' })
    const recorded = recordStatements(store)
    await foldInboxCounts(recorded.db, now)
    expect(recorded.statements.filter((s) => /^\s*(with|delete)/i.test(s.sql)).length).toBe(1)
    const rows = await store.db.selectFrom('appeal_inbox_counts').selectAll().execute()
    expect(rows.filter((r) => r.state === 'accepted').map((r) => Number(r.appeals))).toEqual([2])
    expect(rows.filter((r) => r.state === 'in_progress').map((r) => Number(r.appeals))).toEqual([1])
  })

  it('a fold beside an open move, and beside another fold, loses nothing', async () => {
    const ids = [await file(0), await file(1), await file(2)]
    for (const [i, id] of ids.entries())
      await updateAppealIfVersion(store.db, await read(id), {
        state: 'accepted',
        handler_id: town.officer.id,
        due_at: now - (i + 1) * HOUR,
      })
    const moving = await read(ids[0])
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
    await Promise.all([
      store.db.transaction().execute(async (trx) => {
        await updateAppealIfVersion(trx, moving, { state: 'in_progress', due_at: now + 5 * HOUR })
        await pause(200)
      }),
      pause(30).then(() => Promise.all([foldInboxCounts(store.db, now), foldInboxCounts(store.db, now)])),
    ])
    await foldInboxCounts(store.db, now)
    const officer = await listInboxAppeals(store.db, { handlerId: town.officer.id }, 'open', { now, decisions: null, limit: 10, offset: 0 })
    expect(officer.counts).toMatchObject({ open: 3, overdue: 2 })
    await expectCountsAgree()
    await expectTableRebuilds()
  })

  it('a filing writes nothing; its first move keeps the appeal, and an inbox counts it either way', async () => {
    const id = await file(0)
    expect(await keptRows()).toEqual([])
    const scope = { handlerId: town.officer.id }
    await updateAppealIfVersion(store.db, await read(id), { handler_id: town.officer.id, due_at: now - HOUR })
    // Still fresh: counted live, late and waiting to be accepted.
    expect(await keptRows()).toEqual([])
    const page = { now, decisions: null, limit: 10, offset: 0 }
    expect((await listInboxAppeals(store.db, scope, 'open', page)).counts).toMatchObject({ open: 1, overdue: 1, awaiting_acceptance: 1 })
    await updateAppealIfVersion(store.db, await read(id), { state: 'accepted', due_at: now + DAY })
    expect((await keptRows()).length).toBe(1)
    expect((await listInboxAppeals(store.db, scope, 'open', page)).counts).toMatchObject({ open: 1, overdue: 0, awaiting_acceptance: 0 })
    await expectCountsAgree()
  })

  it('migrating to 0035 fills the table from the appeals already there', async () => {
    const ids = [await file(0), await file(1), await file(2)]
    const next = seededRandom(11)
    for (const id of ids) await updateAppealIfVersion(store.db, await read(id), { ...move(next), state: 'in_progress' })
    const before = await keptRows()
    expect(before.length).toBeGreaterThan(0)
    await inboxCountsMigration.down(store.db as never)
    await sql`delete from kysely_migration where name = '0035-appeal-inbox-counts'`.execute(store.db)
    expect(await migrateToLatest(store)).toEqual(['0035-appeal-inbox-counts'])
    expect(await keptRows()).toEqual(before)
    await expectCountsAgree()
  })

  it("read their live parts from their own indexes: the scope's fresh appeals, and the office's queue", async () => {
    const { db: recording, statements } = recordStatements(store)
    const read = async (scope: InboxScope, decisions: Decisions) => {
      statements.length = 0
      await listInboxAppeals(recording, scope, 'open', { now, decisions, limit: 20, offset: 0 })
      // The statement itself, not the parts the recorder also sees compiled on their own.
      const counting = statements.filter((q) => q.sql.includes('as "parts"'))
      expect(counting).toHaveLength(1)
      // With the whole read off on PostgreSQL: a test town's few rows would be read whole whatever the index.
      return planOf(store, counting[0], ['enable_seqscan = off', 'enable_bitmapscan = off'])
    }
    // PostgreSQL, costing a test town's few rows, may take either partial index of the fresh
    // appeals and filter by the other column; SQLite chooses by the query's terms alone.
    const fresh = (owner: 'handler' | 'department') =>
      store.dialect === 'sqlite' ? `appeals_fresh_${owner}_idx` : /appeals_fresh_(handler|department)_idx/
    expect(await read({ handlerId: town.officer.id }, null)).toMatch(fresh('handler'))
    const head = await read({ departmentId: town.departments.industry.id, handlerId: town.heads.industry.id }, 'extension')
    for (const owner of ['department', 'handler'] as const) expect(head).toMatch(fresh(owner))
    expect(await read('all', 'office')).toContain('appeals_office_queue_idx')
  })

  describe('moves the random ones seldom make', () => {
    const officer = { handlerId: town.officer.id }
    const counts = async (at: number) =>
      (await listInboxAppeals(store.db, officer, 'open', { now: at, decisions: null, limit: 1, offset: 0 })).counts

    it('a deadline moved to another hour, and nothing else, moves the appeal to that hour', async () => {
      const id = await file(0)
      await updateAppealIfVersion(store.db, await read(id), { state: 'in_progress', handler_id: town.officer.id, due_at: now + 3 * HOUR })
      expect(await counts(now)).toMatchObject({ open: 1, overdue: 0 })
      await updateAppealIfVersion(store.db, await read(id), { due_at: now - 3 * HOUR })
      expect(await counts(now)).toMatchObject({ open: 1, overdue: 1 })
      await expectCountsAgree()
      await expectTableRebuilds()
    })

    it('a pause begun after its deadline, with a due_at earlier in the current hour, is late once', async () => {
      const id = await file(0)
      const start = hourOf(now)
      await updateAppealIfVersion(store.db, await read(id), {
        state: 'info_paused',
        handler_id: town.officer.id,
        due_at: start + 1,
        close_due_at: start - DAY,
        paused_at: start - HOUR,
      })
      expect(await counts(now)).toMatchObject({ open: 1, overdue: 1 })
      await expectCountsAgree()
    })

    it('an appeal written already moved on is kept as written; a finished one without an hour', async () => {
      const template = await read(await file(0))
      for (const [i, state] of (['in_progress', 'closed'] as const).entries())
        await insertAppeal(store.db, {
          ...template,
          id: `ap-written-${i}`,
          number: `2026-03-9${i}00`,
          client_request_id: `written-${i}`,
          state,
          handler_id: town.officer.id,
          due_at: now - HOUR,
        })
      expect((await keptRows()).map((row) => JSON.parse(row) as { state: string; hour: number | null })).toEqual([
        expect.objectContaining({ state: 'closed', hour: null }),
        expect.objectContaining({ state: 'in_progress', hour: hourOf(now - HOUR) }),
      ])
      expect(await counts(now)).toMatchObject({ open: 2, overdue: 1, done: 1 })
      await expectCountsAgree()
    })

    it('the hours gathered as long past stay late for a read just after the epoch', async () => {
      const id = await file(0)
      await updateAppealIfVersion(store.db, await read(id), { state: 'accepted', handler_id: town.officer.id, due_at: -3 * DAY })
      const justAfter = 30 * 60 * 1000
      await foldInboxCounts(store.db, justAfter)
      expect(await counts(justAfter)).toMatchObject({ open: 1, overdue: 1 })
      await expectCountsAgree([justAfter, 0, 1])
    })
  })
})
