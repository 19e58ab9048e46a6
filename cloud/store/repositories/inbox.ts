import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import type { InboxFilter } from '../../domain/appeal/lists'
import { DONE_STATES, OPEN_STATES, SUBMITTED } from '../../domain/appeal/rules'
import type { Database } from '../database'
import { hourOf } from './appeal-due-hours'
import { PAUSED_LATE } from './appeal-inbox-counts'
import { searchCondition, selectAppealSummaries, type AppealSummaryRow } from './appeals'
import { FRESH, pausedPastDeadlineSql } from './metric-conditions'

type AppealsEb = ExpressionBuilder<Database, 'appeals'>

/** Whose appeals an inbox holds: those one person handles; a department's and those its head handles; or all. */
export type InboxScope = { handlerId: string } | { departmentId: string; handlerId: string } | 'all'

function scopeCondition(scope: InboxScope) {
  return (eb: AppealsEb) => {
    if (scope === 'all') return eb.lit(true)
    if ('departmentId' in scope)
      return eb.or([eb('appeals.department_id', '=', scope.departmentId), eb('appeals.handler_id', '=', scope.handlerId)])
    return eb('appeals.handler_id', '=', scope.handlerId)
  }
}

/**
 * What waits on a person's decision: a department head's extension requests, a leader's disputed
 * dispatches, and the 督查 office's queue (disputes, returns to review, contested ratings, good
 * ratings picked for a call not yet made).
 */
export type Decisions = 'extension' | 'dispute' | 'office' | null

/** The decisions that are a state and nothing more: those the kept counts answer. */
const DECISION_STATES = { extension: ['extension_pending'], dispute: ['disputed'] } as const

/**
 * The 督查 office's queue: disputes, returns to review, contested ratings, good ratings picked for
 * a call not yet made, and the office's own complaints about staff waiting on an extension.
 * Written with literals, as the partial index appeals_office_queue_idx (0036) has it word for
 * word, so that both databases count the queue from that index alone.
 */
const OFFICE_QUEUE = sql<SqlBool>`(appeals.state in ('disputed', 'return_review') or appeals.rating_contest = 'pending' or (appeals.spot_check_picked = 1 and appeals.spot_checked_at is null and appeals.state = 'closed') or (appeals.state = 'extension_pending' and appeals.conduct = 1 and appeals.department_id is null))`

function decisionCondition(eb: AppealsEb, decisions: Decisions) {
  switch (decisions) {
    case 'extension':
    case 'dispute':
      return eb('appeals.state', 'in', DECISION_STATES[decisions])
    case 'office':
      return OFFICE_QUEUE
    case null:
      return eb.lit(false)
  }
}

/**
 * Every filter but the decisions is a set of states, narrowed for two of them by a test of the
 * deadline.
 */
type DeadlineTest = 'late' | 'running'
const BY_STATE: Record<Exclude<InboxFilter, 'awaiting_decision'>, { states: readonly string[]; deadline?: DeadlineTest }> = {
  open: { states: OPEN_STATES },
  overdue: { states: OPEN_STATES, deadline: 'late' },
  awaiting_acceptance: { states: [SUBMITTED], deadline: 'running' },
  done: { states: DONE_STATES },
}

/**
 * 'running': a deadline runs. Open appeals carry their running deadline in due_at, except those
 * whose clock stands still (a pause, a return under review), whose due_at is null. 'late': past the
 * running deadline, or paused after it had already passed.
 */
function deadlineCondition(eb: AppealsEb, test: DeadlineTest, now: number, state: 'column' | 'expression' = 'column') {
  if (test === 'running') return eb('appeals.due_at', 'is not', null)
  return eb.or([eb('appeals.due_at', '<', now), pausedPastDeadlineSql('appeals', state === 'expression' ? STATE : undefined)])
}

/**
 * `state: 'expression'` tests the state through an expression of the column (stateIn), so that no
 * index on the state is taken: for a page of the whole town, which SQLite otherwise read by the
 * states' IN list and sorted (it keeps no statistics to tell that the open states are most of the
 * town). It walks appeals_due_idx in deadline order instead, and stops at the page soon where the
 * filter takes most running deadlines (open, overdue, awaiting acceptance); where it takes few,
 * it reads further.
 */
function filterCondition(filter: InboxFilter, now: number, decisions: Decisions, state: 'column' | 'expression' = 'column') {
  return (eb: AppealsEb) => {
    if (filter === 'awaiting_decision') return decisionCondition(eb, decisions)
    const { states, deadline } = BY_STATE[filter]
    const inStates = state === 'column' ? eb('appeals.state', 'in', states) : stateIn(states)
    return deadline ? eb.and([inStates, deadlineCondition(eb, deadline, now, state)]) : inStates
  }
}

/** The columns the counts' conditions read (deadlineCondition, decisionCondition, searchCondition). */
function countedColumns(search: string, decisions: Decisions) {
  return [
    // In both inbox indexes: a count that needs no other is read from the index alone.
    ...(['state', 'due_at', 'close_due_at', 'paused_at'] as const),
    ...(decisions === 'office' ? (['rating_contest', 'spot_check_picked', 'spot_checked_at', 'conduct', 'department_id'] as const) : []),
    ...(search ? (['title', 'number'] as const) : []),
  ]
}

/**
 * A scope as parts that share no appeal, each a condition an inbox index answers: a department
 * head's scope is the department's appeals and those the head handles in other departments.
 * PostgreSQL read every row of the table for the one condition that joined them with OR (108 ms
 * against 34 for a department of 166,000 appeals).
 */
function scopeParts(scope: InboxScope): ((eb: AppealsEb) => Expression<SqlBool>)[] {
  if (scope === 'all' || !('departmentId' in scope)) return [scopeCondition(scope)]
  const { departmentId, handlerId } = scope
  return [
    (eb) => eb('appeals.department_id', '=', departmentId),
    (eb) =>
      eb.and([
        eb('appeals.handler_id', '=', handlerId),
        eb.or([eb('appeals.department_id', 'is', null), eb('appeals.department_id', '!=', departmentId)]),
      ]),
  ]
}

type ScopePart = ReturnType<typeof scopeParts>[number]

/** A query for each part of the scope, joined by UNION ALL (the parts share no appeal). */
function overParts<Q extends { unionAll(other: Q): Q }>(scope: InboxScope, query: (part: ScopePart) => Q): Q {
  const [first, ...rest] = scopeParts(scope).map(query)
  return rest.reduce((union, next) => union.unionAll(next), first)
}

/**
 * The appeals a scope's counts read, each part from its own inbox index with only the columns the
 * counts need.
 */
function countedAppeals(db: Kysely<Database>, scope: InboxScope, columns: ReturnType<typeof countedColumns>) {
  const [only, ...rest] = scopeParts(scope)
  if (rest.length === 0) return db.selectFrom('appeals').where(only)
  const parts = overParts(scope, (part) => db.selectFrom('appeals').select(columns).where(part))
  // Typed as the appeals table, as the conditions are written for it; the parts hold only the
  // columns countedColumns lists, so a condition that reads another must be added there (the
  // inbox-counts tests read every scope with every decision and a search).
  return db.selectFrom(parts.as('appeals')) as unknown as ReturnType<typeof db.selectFrom<'appeals'>>
}

const countIf = (condition: Expression<SqlBool>) => sql<number>`count(*) filter (where ${condition})`
// Grouped by an expression of the state, not the column: for the whole town SQLite would walk
// appeals_resolved_idx for its order of states and read every appeal's row (1.1 s at a million
// appeals, against 0.29 s from the inbox index and a sort of its own).
const STATE = sql<string>`appeals.state || ''`
/** A test of the state that no index on the column answers (the literals as the partial indexes have them). */
const stateIn = (states: readonly string[]) => sql<SqlBool>`${STATE} in (${sql.join(states.map((state) => sql.lit(state)))})`

/** Per state: how many appeals, how many late, with a running deadline, waiting on the decision. */
type StateCounts = { state: string; all: number; late: number; running: number; decision: number }

/**
 * The counts per state read from every appeal of the scope, in one pass: for a search, which the
 * kept counts cannot narrow.
 */
function liveStateCounts(db: Kysely<Database>, scope: InboxScope, search: string, now: number, decisions: Decisions) {
  return countedAppeals(db, scope, countedColumns(search, decisions))
    .where(searchCondition(search))
    .select((eb) => [
      STATE.as('state'),
      eb.fn.countAll<number>().as('all'),
      countIf(deadlineCondition(eb, 'late', now)).as('late'),
      countIf(deadlineCondition(eb, 'running', now)).as('running'),
      (decisions ? countIf(decisionCondition(eb, decisions)) : sql<number>`0`).as('decision'),
    ])
    .groupBy(STATE)
    .execute()
}

/** What a live part adds up: how many, late, with a running deadline, waiting on the decision. */
type Counted = (eb: AppealsEb) => [RawBuilder<number>, RawBuilder<number>, RawBuilder<number>, RawBuilder<number>]

/**
 * The counts per state from appeal_inbox_counts (0035), in one statement (one snapshot): the kept
 * rows of the scope, plus what they leave to the read, each part from an index of its own: the
 * fresh appeals, the kept ones falling due earlier in the current hour (earlier hours are counted
 * late from the kept rows), and the 督查 office's queue (0036). The kept rows answer 'late' and 'running' for
 * open states, which is all the filters ask of them; a decision that is a state (DECISION_STATES)
 * is that state's count.
 */
async function keptStateCounts(db: Kysely<Database>, scope: InboxScope, now: number, decisions: Decisions): Promise<StateCounts[]> {
  const current = hourOf(now)
  const zero = sql<number>`0`
  const decided: readonly string[] = decisions === 'extension' || decisions === 'dispute' ? DECISION_STATES[decisions] : []
  const kept = db
    .selectFrom('appeal_inbox_counts')
    .where((eb) => {
      if (scope === 'all') return eb.lit(true)
      const handles = eb('handler_id', '=', scope.handlerId)
      return 'departmentId' in scope ? eb.or([eb('department_id', '=', scope.departmentId), handles]) : handles
    })
    .select((eb) => [
      'state',
      sql<number>`sum(appeals)`.as('all'),
      sql<number>`sum(case when hour < ${current} or paused_late = 1 then appeals else 0 end)`.as('late'),
      sql<number>`sum(case when hour is not null then appeals else 0 end)`.as('running'),
      (decided.length ? sql<number>`sum(case when ${eb('state', 'in', decided)} then appeals else 0 end)` : zero).as('decision'),
    ])
    .groupBy('state')
  // Each part of the scope read live: grouped by state, or all of one state (the fresh appeals'
  // indexes, 0035, hold no state, and reading it from the table was five times as long).
  const live = (where: Expression<SqlBool> | ((eb: AppealsEb) => Expression<SqlBool>), counts: Counted, state: string | null) => {
    return overParts(scope, (part) => {
      const query = db
        .selectFrom('appeals')
        .where(part)
        .where(typeof where === 'function' ? where : () => where)
        .select((eb) => {
          const [all, late, running, decision] = counts(eb)
          return [
            (state === null ? STATE : sql<string>`${sql.lit(state)}`).as('state'),
            all.as('all'),
            late.as('late'),
            running.as('running'),
            decision.as('decision'),
          ]
        })
      return state === null ? query.groupBy(STATE) : query
    })
  }
  const all = sql<number>`count(*)`
  const fresh = live(
    FRESH,
    (eb) => [all, countIf(eb('appeals.due_at', '<', now)), countIf(eb('appeals.due_at', 'is not', null)), zero],
    SUBMITTED,
  )
  // The state through stateIn: without statistics SQLite took the states' IN list for the more
  // selective and read the town's open appeals by state (0.4 s at a million), not the hour by due_at.
  const dueThisHour = live(
    (eb) =>
      eb.and([
        sql<SqlBool>`not (${FRESH})`,
        stateIn(OPEN_STATES),
        eb('appeals.due_at', '>=', current),
        eb('appeals.due_at', '<', now),
        eb(PAUSED_LATE, '=', 0),
      ]),
    () => [zero, all, zero, zero],
    null,
  )
  const parts = kept.unionAll(fresh).unionAll(dueThisHour)
  return db
    .selectFrom((decisions === 'office' ? parts.unionAll(live(OFFICE_QUEUE, () => [zero, zero, zero, all], null)) : parts).as('parts'))
    .select([
      'parts.state',
      sql<number>`sum(parts."all")`.as('all'),
      sql<number>`sum(parts.late)`.as('late'),
      sql<number>`sum(parts.running)`.as('running'),
      sql<number>`sum(parts.decision)`.as('decision'),
    ])
    .groupBy('parts.state')
    .execute()
}

/**
 * The scope's count for every filter, from its counts per state: each filter is the sum over its
 * states. Read from the kept counts unless a search narrows the scope; `via: 'live'` reads every
 * appeal all the same (the tests and the bench compare the two).
 */
async function countInbox(
  db: Kysely<Database>,
  scope: InboxScope,
  options: { search: string; now: number; decisions: Decisions; via?: 'kept' | 'live' },
) {
  const { search, now, decisions } = options
  const groups =
    options.via !== 'live' && search === ''
      ? await keptStateCounts(db, scope, now, decisions)
      : await liveStateCounts(db, scope, search, now, decisions)
  // A count summed over the given states, or over every state.
  const sum = (count: 'all' | DeadlineTest | 'decision', states?: readonly string[]) =>
    groups.reduce((total, g) => total + (!states || states.includes(g.state) ? Number(g[count]) : 0), 0)
  const byState = (filter: keyof typeof BY_STATE) => sum(BY_STATE[filter].deadline ?? 'all', BY_STATE[filter].states)
  const totals: Record<InboxFilter, number> = {
    open: byState('open'),
    overdue: byState('overdue'),
    awaiting_acceptance: byState('awaiting_acceptance'),
    awaiting_decision: sum('decision'),
    done: byState('done'),
  }
  return { totals, matched: sum('all') }
}

/**
 * A page of the appeals in `scope` that `filter` selects, the deadline that runs out first on top
 * and those whose clock stands still after them (finished ones last changed first), with the
 * scope's count for every filter (countInbox). `decisions` is what waits on this person.
 * A `search` narrows the scope first (so the counts are of what matches) and replaces the filter:
 * a number read out on the phone is found whatever state its appeal is in, newest first.
 */
export async function listInboxAppeals(
  db: Kysely<Database>,
  scope: InboxScope,
  filter: InboxFilter,
  page: { now: number; decisions: Decisions; limit: number; offset: number; search?: string; via?: 'kept' | 'live' },
) {
  const { now, decisions: decisionState } = page
  const search = page.search ?? ''
  const rows = () => {
    if (search === '' && filter === 'done') return donePage(db, scope, page)
    if (search === '')
      return deadlinePage(db, scope, filterCondition(filter, now, decisionState, scope === 'all' ? 'expression' : 'column'), {
        ...page,
        // None stands still where the rule asks for a running deadline; the town's open ones that
        // do are read from their own index.
        standing: filter === 'awaiting_acceptance' ? 'none' : scope === 'all' && filter !== 'awaiting_decision' ? 'open' : 'any',
      })
    return selectAppealSummaries(db)
      .where(scopeCondition(scope))
      .where(searchCondition(search))
      .orderBy('appeals.submitted_at', 'desc')
      .orderBy('appeals.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute()
  }
  const [listed, { totals, matched }] = await Promise.all([
    rows(),
    countInbox(db, scope, { search, now, decisions: decisionState, via: page.via }),
  ])
  return { rows: listed, counts: totals, matched: search === '' ? totals[filter] : matched }
}

/** The keys a page is ordered by, each ascending or descending; the last is the id, so that the order is total. */
type PageOrder = readonly (readonly ['due_at' | 'submitted_at' | 'updated_at' | 'id', 'asc' | 'desc'])[]
const BY_FILING: PageOrder = [
  ['submitted_at', 'asc'],
  ['id', 'asc'],
]

/**
 * The appeals `where` takes, from each part of the scope read in `order` up to `end`, joined by
 * UNION ALL: each part from its own index in that order, stopping at the page's end. Each arm is
 * a subquery of its own: SQLite allows no ORDER BY or LIMIT on an arm of a UNION.
 */
function orderedParts(
  db: Kysely<Database>,
  scope: InboxScope,
  where: (eb: AppealsEb) => Expression<SqlBool>,
  order: PageOrder,
  end: number,
) {
  return overParts(scope, (part) => {
    const arm = order.reduce(
      (query, [key, direction]) => query.orderBy(`appeals.${key}`, direction),
      db
        .selectFrom('appeals')
        .where(part)
        .where(where)
        .select(['appeals.id', 'appeals.due_at', 'appeals.submitted_at', 'appeals.updated_at']),
    )
    return db.selectFrom(arm.limit(end).as('arm')).selectAll()
  })
}

/** The page of the merged parts (orderedParts, in the same order), as the list shows them. */
function mergedPage(db: Kysely<Database>, parts: ReturnType<typeof orderedParts>, order: PageOrder, offset: number, limit: number) {
  return order
    .reduce(
      (query, [key, direction]) => query.orderBy(`page.${key}`, direction),
      selectAppealSummaries(db).innerJoin(parts.as('page'), 'page.id', 'appeals.id'),
    )
    .limit(limit)
    .offset(offset)
    .execute()
}

/**
 * The finished appeals, in the text the indexes of 0038 hold as their condition (both databases
 * use a partial index only for a query that states its condition). Tested through the expression,
 * as the stood-still appeals are: SQLite, without statistics, took a state index for the column's
 * IN list and sorted the town's finished appeals.
 */
const FINISHED = sql<SqlBool>`(${stateIn(DONE_STATES)})`

/**
 * A page of finished appeals, last changed first: each part of the scope from its index of
 * finished appeals by last change (0038), up to the page's end. Before, both databases sorted the
 * scope's finished appeals for every page (docs/scale.md has the figures).
 */
function donePage(db: Kysely<Database>, scope: InboxScope, page: { limit: number; offset: number }) {
  const order: PageOrder = [
    ['updated_at', 'desc'],
    ['id', 'asc'],
  ]
  return mergedPage(
    db,
    orderedParts(db, scope, () => FINISHED, order, page.offset + page.limit),
    order,
    page.offset,
    page.limit,
  )
}

/**
 * The open appeals whose clock stands still, in the text appeals_stood_still_idx (0037) has word
 * for word (its literals frozen there), so that both databases read the town's from that index alone.
 */
const STOOD_STILL = sql<SqlBool>`(+appeals.due_at is null and ${stateIn(OPEN_STATES)})`

/**
 * A page in deadline order: the running deadlines first, soonest on top, ties by filing; then the
 * appeals whose clock stands still (no due_at), by filing. No index of either database holds that
 * order across a whole scope (SQLite cannot read NULLS LAST from one, and a head's scope is two
 * parts), so each part of the scope (scopeParts) is read in its own index's order up to the page's
 * end, and the parts are merged: a head's page at a million appeals on SQLite had sorted the
 * department's open appeals, 190 ms, and a leader's the town's, 0.9 s. The stood-still appeals are
 * read only when the running ones end before the page does, and not at all for `standing: 'none'`;
 * 'open' says every one the filter takes is open (STOOD_STILL).
 */
async function deadlinePage(
  db: Kysely<Database>,
  scope: InboxScope,
  filter: (eb: AppealsEb) => Expression<SqlBool>,
  page: { limit: number; offset: number; standing: 'none' | 'open' | 'any' },
): Promise<AppealSummaryRow[]> {
  const end = page.offset + page.limit
  const order = (running: boolean): PageOrder => (running ? [['due_at', 'asc'], ...BY_FILING] : BY_FILING)
  const arms = (running: boolean, limit: number) =>
    orderedParts(
      db,
      scope,
      (eb) =>
        eb.and([
          filter(eb),
          running ? eb('appeals.due_at', 'is not', null) : page.standing === 'open' ? STOOD_STILL : eb('appeals.due_at', 'is', null),
        ]),
      order(running),
      limit,
    )
  const read = (running: boolean, offset: number, limit: number) =>
    mergedPage(db, arms(running, offset + limit), order(running), offset, limit)
  const running = await read(true, page.offset, page.limit)
  if (running.length === page.limit || page.standing === 'none') return running
  // How many running ones came before: known from the page unless it began past them all.
  const before =
    running.length > 0
      ? page.offset + running.length
      : Number(
          (
            await db
              .selectFrom(arms(true, end).as('page'))
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
  const stood = await read(false, Math.max(0, page.offset - before), page.limit - running.length)
  // The reads are statements apart: an appeal paused in between is listed once.
  const listed = new Set(running.map((row) => row.id))
  return [...running, ...stood.filter((row) => !listed.has(row.id))]
}
