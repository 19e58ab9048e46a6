import type { Updateable } from 'kysely'
import type { Store } from '../../cloud/store/connect'
import type { AppealsTable } from '../../cloud/store/tables/appeals'
import { APPEAL_STATES, DONE_STATES, OPEN_STATES } from '../../cloud/domain/appeal/rules'
import { INBOX_FILTERS, type InboxFilter } from '../../cloud/domain/appeal/lists'
import { DAY, HOUR, MINUTE } from '../../cloud/domain/clock'
import { rebuildKeptCounts } from '../../cloud/store/migrate'
import { listInboxAppeals, type Decisions, type InboxScope } from '../../cloud/store/repositories/inbox'
import { apiAs } from '../support/api'
import { fileNumbered, seededRandom } from '../support/kept-counts'
import { makeServices, makeStore } from '../support/services'
import { planOf, recordStatements } from '../support/statements'
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
  let later: number
  /** Within an hour, after its start: the kept counts read what falls due earlier in it live. */
  let midHour: number
  const moments = () => [now, midHour, later]

  beforeEach(async () => {
    store = await makeStore()
    const setup = makeServices(store, { now: '2026-03-16T10:00:00+08:00' })
    now = setup.clock.now()
    later = now + 5 * DAY
    midHour = now + 2 * DAY + 25 * MINUTE
    const api = apiAs(setup.services)
    const ids: string[] = []
    // Two firms, twenty a day each: as many as they may file.
    for (let i = 0; i < 40; i++) ids.push(await fileNumbered(api, i))

    const next = seededRandom(20261201)
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
    // Some instants on the edges of the two moments the tests read at.
    const hourStart = midHour - 25 * MINUTE
    const edges = [now - 1, now, now + 1, later - 1, later, later + 1, midHour - 1, midHour, midHour + 1, hourStart - 1, hourStart]
    const when = () => (next() < 0.3 ? pick(edges) : now - Math.floor(next() * 8 * DAY) + Math.floor(next() * 8 * DAY))
    const maybe = <T>(value: T) => (next() < 0.5 ? value : null)
    for (const [i, id] of ids.entries()) {
      const closeDue = when()
      await store.db
        .updateTable('appeals')
        .set({
          // Every state at least once, then any.
          state: APPEAL_STATES[i] ?? pick(APPEAL_STATES),
          handler_id: pick([town.officer.id, town.officers.industry2.id, town.heads.industry.id, null]),
          department_id: pick([town.departments.industry.id, town.departments.transport.id, null]),
          due_at: maybe(when()),
          close_due_at: closeDue,
          // A pause begun right at the deadline, now and then: not past it.
          paused_at: next() < 0.1 ? closeDue : maybe(when()),
          conduct: pick([0, 0, 1]),
          rating_contest: pick([null, null, 'pending', 'upheld']),
          spot_check_picked: pick([0, 1]),
          spot_checked_at: maybe(when()),
        })
        .where('id', '=', id)
        .execute()
    }
    // And for certain: an open appeal due at the very moment read, a pause begun at its deadline
    // and one begun after it, a finished appeal whose due_at passed, and one picked for a call
    // before it was closed.
    const edge = (id: string, set: Updateable<AppealsTable>) =>
      store.db
        .updateTable('appeals')
        .set({ handler_id: town.officer.id, department_id: town.departments.industry.id, ...set })
        .where('id', '=', id)
        .execute()
    const withState = (state: (typeof APPEAL_STATES)[number]) => ids[APPEAL_STATES.indexOf(state)]
    await edge(withState('accepted'), { due_at: now })
    await edge(withState('info_paused'), { due_at: null, close_due_at: now - DAY, paused_at: now - DAY })
    await edge(ids[APPEAL_STATES.length], { state: 'info_paused', due_at: null, close_due_at: now - DAY, paused_at: now - DAY + 1 })
    await edge(withState('closed'), { due_at: now - DAY })
    await edge(withState('resolved'), { spot_check_picked: 1, spot_checked_at: null })
    // The moves above are written straight to the rows, past the store's writes that keep the
    // inboxes' counts (appeal-inbox-counts.ts), so those are rebuilt from the rows.
    await rebuildKeptCounts(store.db)
  })
  afterEach(() => store.close())

  const SCOPES: InboxScope[] = [
    { handlerId: town.officer.id },
    { departmentId: town.departments.industry.id, handlerId: town.heads.industry.id },
    'all',
  ]
  const DECISIONS: Decisions[] = [null, 'extension', 'dispute', 'office']

  it("equal the number of appeals each filter's page lists, for every scope and decision, at every moment, kept or read live", async () => {
    let nonZero = 0
    for (const at of moments())
      for (const scope of SCOPES)
        for (const decisions of DECISIONS) {
          const page = { now: at, decisions, limit: 1000, offset: 0 }
          const { counts } = await listInboxAppeals(store.db, scope, 'open', page)
          const live = await listInboxAppeals(store.db, scope, 'open', { ...page, via: 'live' })
          expect({ scope, decisions, at, counts }).toEqual({ scope, decisions, at, counts: live.counts })
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

  /**
   * The filters as the product states them, worked out here from the appeals' rows: the counts must
   * agree with these as well as with the pages (which share the store's conditions with them).
   */
  type Row = Awaited<ReturnType<typeof rawRows>>[number]
  const rawRows = () =>
    store.db
      .selectFrom('appeals')
      .select([
        'id',
        'submitted_at',
        'updated_at',
        'state',
        'handler_id',
        'department_id',
        'due_at',
        'close_due_at',
        'paused_at',
        'conduct',
        'rating_contest',
        'spot_check_picked',
        'spot_checked_at',
      ])
      .execute()
  const inScope = (a: Row, scope: InboxScope) =>
    scope === 'all' || a.handler_id === scope.handlerId || ('departmentId' in scope && a.department_id === scope.departmentId)
  const isOpen = (a: Row) => (OPEN_STATES as string[]).includes(a.state)
  const RULES: Record<InboxFilter, (a: Row, at: number, decisions: Decisions) => boolean> = {
    open: isOpen,
    // Past the running deadline, or paused after the deadline had passed (not at it).
    overdue: (a, at) =>
      isOpen(a) &&
      ((a.due_at !== null && a.due_at < at) || (a.state === 'info_paused' && a.paused_at !== null && a.close_due_at < a.paused_at)),
    awaiting_acceptance: (a) => a.state === 'submitted' && a.due_at !== null,
    awaiting_decision: (a, _at, decisions) =>
      decisions === 'extension'
        ? a.state === 'extension_pending'
        : decisions === 'dispute'
          ? a.state === 'disputed'
          : decisions === 'office'
            ? ['disputed', 'return_review'].includes(a.state) ||
              a.rating_contest === 'pending' ||
              (a.spot_check_picked === 1 && a.spot_checked_at === null && a.state === 'closed') ||
              (a.state === 'extension_pending' && a.conduct === 1 && a.department_id === null)
            : false,
    done: (a) => (DONE_STATES as string[]).includes(a.state),
  }

  it('equal the rules of each filter worked out from the rows, on the edges of the deadlines too', async () => {
    const rows = await rawRows()
    for (const at of moments())
      for (const scope of SCOPES)
        for (const decisions of DECISIONS) {
          const { counts } = await listInboxAppeals(store.db, scope, 'open', { now: at, decisions, limit: 20, offset: 0 })
          const expected = Object.fromEntries(
            INBOX_FILTERS.map((filter) => [filter, rows.filter((a) => inScope(a, scope) && RULES[filter](a, at, decisions)).length]),
          )
          expect({ scope, decisions, at, counts }).toEqual({ scope, decisions, at, counts: expected })
        }
  })

  it("each filter's pages list the appeals of its rule in the inbox's order, page after page", async () => {
    // Filed and last changed within four hours, ties and all: the order's later keys decide.
    const next = seededRandom(20261202)
    for (const { id } of await rawRows())
      await store.db
        .updateTable('appeals')
        .set({ submitted_at: now - Math.floor(next() * 4) * HOUR, updated_at: now - Math.floor(next() * 4) * HOUR })
        .where('id', '=', id)
        .execute()
    const rows = await rawRows()
    // The running deadlines first, soonest on top, then those standing still; ties by filing, then id.
    const byDeadline = (a: Row, b: Row) =>
      (a.due_at === null ? 1 : 0) - (b.due_at === null ? 1 : 0) ||
      (a.due_at ?? 0) - (b.due_at ?? 0) ||
      a.submitted_at - b.submitted_at ||
      (a.id < b.id ? -1 : 1)
    const byUpdate = (a: Row, b: Row) => b.updated_at - a.updated_at || (a.id < b.id ? -1 : 1)
    let stoodStillAfterRunning = 0
    for (const at of moments())
      for (const scope of SCOPES)
        for (const decisions of DECISIONS)
          for (const filter of INBOX_FILTERS) {
            const expected = rows
              .filter((a) => inScope(a, scope) && RULES[filter](a, at, decisions))
              .sort(filter === 'done' ? byUpdate : byDeadline)
              .map((a) => a.id)
            if (filter !== 'done' && expected.length > 0 && rows.find((a) => a.id === expected.at(-1))!.due_at === null)
              stoodStillAfterRunning++
            // Pages of 3 and of 4 meet the turn from running to standing still at different places.
            for (const limit of [3, 4]) {
              const listed: string[] = []
              for (let offset = 0; offset <= expected.length; offset += limit)
                listed.push(
                  ...(await listInboxAppeals(store.db, scope, filter, { now: at, decisions, limit, offset })).rows.map((r) => r.id),
                )
              expect({ scope, decisions, at, filter, limit, listed }).toEqual({ scope, decisions, at, filter, limit, listed: expected })
            }
          }
    expect(stoodStillAfterRunning).toBeGreaterThan(10)
  })

  it("reads the town's open appeals standing still from their own index, and none for a rule that needs a running deadline", async () => {
    const { db: recording, statements } = recordStatements(store)
    const pageStatements = async (filter: InboxFilter) => {
      statements.length = 0
      await listInboxAppeals(recording, 'all', filter, { now, decisions: null, limit: 1000, offset: 0 })
      // The page's statements themselves, not their parts the recorder also sees compiled alone.
      return statements.filter((q) => q.sql.startsWith('select "appeals"."id", "appeals"."number"'))
    }
    const overdue = await pageStatements('overdue')
    expect(overdue).toHaveLength(2)
    // With the whole read off on PostgreSQL: a test town's few rows would be read whole whatever the index.
    expect(await planOf(store, overdue[1], ['enable_seqscan = off', 'enable_bitmapscan = off'])).toContain('appeals_stood_still_idx')
    expect(await pageStatements('awaiting_acceptance')).toHaveLength(1)
  })

  it('reads a page of finished appeals from the indexes of finished appeals by last change, in every scope', async () => {
    const { db: recording, statements } = recordStatements(store)
    const expected = [
      ['appeals_finished_handler_idx'],
      ['appeals_finished_department_idx', 'appeals_finished_handler_idx'],
      ['appeals_finished_idx'],
    ]
    for (const [i, scope] of SCOPES.entries()) {
      statements.length = 0
      await listInboxAppeals(recording, scope, 'done', { now, decisions: null, limit: 20, offset: 0 })
      const [page] = statements.filter((q) => q.sql.startsWith('select "appeals"."id", "appeals"."number"'))
      const plan = await planOf(store, page, ['enable_seqscan = off', 'enable_bitmapscan = off'])
      // Each part from its index in order: no sort of the part's finished appeals.
      expect({ scope, indexes: expected[i].filter((index) => plan.includes(`${index}"`) || plan.includes(`${index} `)) }).toEqual({
        scope,
        indexes: expected[i],
      })
      // No part's appeals sorted: at most the merged page is (PostgreSQL merges the parts in order).
      const sorts =
        store.dialect === 'sqlite'
          ? (JSON.parse(plan) as { parent: number; detail: string }[]).filter(
              (row) => row.detail.includes('TEMP B-TREE') && row.parent !== 0,
            )
          : // A Sort node (not an Incremental Sort) below the top of the plan and its Limit.
            (JSON.parse(plan) as { 'QUERY PLAN': string }[]).slice(2).filter((row) => /^\s*(->\s+)?Sort {2}\(/.test(row['QUERY PLAN']))
      expect({ scope, sorts }).toEqual({ scope, sorts: [] })
    }
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
