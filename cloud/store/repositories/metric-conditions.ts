import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely'
import { BAD_RATINGS, GOOD_RATINGS, OPEN_STATES, PAUSED, SUBMITTED } from '../../domain/appeal/rules'
import { METRIC_KEYS, type DrillMeasure, type MetricKey } from '../../domain/metrics'

const list = (states: readonly string[]) => sql.join(states.map((s) => sql.lit(s)))
const open = () => list(OPEN_STATES)

/**
 * rules.ts's pausedPastDeadline in SQL, for the bulletin's overdue, the inbox's 'late' and its kept
 * counts. `table` qualifies the columns for a query that reads another table beside the appeals;
 * `state` replaces the state column (the inbox's test through an expression no index answers).
 */
export function pausedPastDeadlineSql(table?: 'appeals', state?: Expression<string>) {
  const column = (name: 'state' | 'close_due_at' | 'paused_at') => sql.ref(table ? `${table}.${name}` : name)
  return sql<SqlBool>`(${state ?? column('state')} = ${sql.lit(PAUSED)} and ${column('close_due_at')} < ${column('paused_at')})`
}

/** Conditions on an appeal row that several figures share. */
const overdue = (now: number) => sql<SqlBool>`(state in (${open()}) and (due_at < ${now} or ${pausedPastDeadlineSql()}))`
const withdrawnLate = sql<SqlBool>`(state = 'withdrawn' and withdrawn_late = 1)`
const valid = sql<SqlBool>`rating_voided = 0`
const respondedInTime = sql<SqlBool>`(responded_at is not null and responded_at <= accept_due_at)`
const responseDue = sql<SqlBool>`not (state = 'withdrawn' and responded_at is null and withdrawn_late = 0)`
const resolved = sql<SqlBool>`resolved_at is not null`
const rectifyDue = (now: number) => sql<SqlBool>`(reopen_count > 0 and ${valid} and (rectified_at is not null or rectify_due_at < ${now}))`
const rectifiedInTime = sql<SqlBool>`(reopen_count > 0 and ${valid} and rectified_at is not null and rectify_late = 0)`
const rectified = sql<SqlBool>`(reopen_count > 0 and ${valid} and rectified_at is not null)`
const followedUp = sql<SqlBool>`(${rectified} and followed_up_at >= rectified_at)`

/**
 * What each figure counts, as a condition on an appeal row: the one definition the bulletin's
 * counts and a drill-down to the appeals behind a figure both use (docs/metrics.md in words).
 */
export const MEASURES: Record<DrillMeasure, (now: number) => RawBuilder<SqlBool>> = {
  received: () => sql`1 = 1`,
  respondedOnTime: () => respondedInTime,
  notRespondedOnTime: () => sql`${responseDue} and not ${respondedInTime}`,
  resolved: () => resolved,
  resolvedOnTime: () => sql`${resolved} and resolved_late = 0`,
  resolvedLate: () => sql`${resolved} and resolved_late = 1`,
  notOnTime: (now) => sql`(${resolved} and resolved_late = 1) or ${overdue(now)} or ${withdrawnLate}`,
  rated: () => sql`rating is not null and ${valid}`,
  satisfied: () => sql`rating in (${list(GOOD_RATINGS)}) and ${valid}`,
  unsatisfied: () => sql`rating in (${list(BAD_RATINGS)}) and ${valid}`,
  solved: () => sql`solved = 1`,
  notSolved: () => sql`solved = 0`,
  returnedOrDisputed: () => sql`return_outcome is not null or dispute_count > 0`,
  returned: () => sql`return_outcome is not null`,
  returnOverturned: () => sql`return_outcome = 'overturned'`,
  withdrawn: () => sql`state = 'withdrawn'`,
  paused: () => sql`pause_count > 0`,
  reopened: () => sql`reopen_count > 0`,
  notRectifiedOnTime: (now) => sql`${rectifyDue(now)} and not ${rectifiedInTime}`,
  notFollowedUp: () => sql`${rectified} and not (followed_up_at is not null and followed_up_at >= rectified_at)`,
  spotChecked: () => sql`spot_checked_at is not null`,
  overdue,
}

const one = (condition: Expression<SqlBool>) => sql<number>`case when ${condition} then 1 else 0 end`

/** What one appeal adds to each count of MetricCounts: 1 or 0, or milliseconds for the sums. */
const ADDS: Record<MetricKey, (now: number) => RawBuilder<number>> = {
  received: () => sql`1`,
  responseDue: () => one(responseDue),
  respondedOnTime: () => one(respondedInTime),
  resolved: () => one(resolved),
  resolvedOnTime: (now) => one(MEASURES.resolvedOnTime(now)),
  onTimeDue: (now) => one(sql`${resolved} or ${overdue(now)} or ${withdrawnLate}`),
  rated: (now) => one(MEASURES.rated(now)),
  satisfied: (now) => one(MEASURES.satisfied(now)),
  unsatisfied: (now) => one(MEASURES.unsatisfied(now)),
  solvedAnswered: () => one(sql`solved is not null`),
  solved: (now) => one(MEASURES.solved(now)),
  returnedOrDisputed: (now) => one(MEASURES.returnedOrDisputed(now)),
  returned: (now) => one(MEASURES.returned(now)),
  returnPending: () => one(sql`return_outcome = 'pending'`),
  returnUpheld: () => one(sql`return_outcome = 'upheld'`),
  returnOverturned: (now) => one(MEASURES.returnOverturned(now)),
  returnObjected: () => one(sql`return_objected = 1`),
  withdrawn: (now) => one(MEASURES.withdrawn(now)),
  paused: (now) => one(MEASURES.paused(now)),
  pauses: () => sql`pause_count`,
  pausedMs: (now) => sql`paused_ms + case when paused_at is not null then ${now} - paused_at else 0 end`,
  reopened: (now) => one(MEASURES.reopened(now)),
  rectifyDue: (now) => one(rectifyDue(now)),
  rectifiedOnTime: () => one(rectifiedInTime),
  rectified: () => one(rectified),
  followedUp: () => one(followedUp),
  spotPicked: () => one(sql`spot_check_picked = 1`),
  spotChecked: (now) => one(MEASURES.spotChecked(now)),
  pressured: () => one(sql`spot_check_result = 'pressured'`),
  overdue: (now) => one(overdue(now)),
  respondMsTotal: () => sql`case when responded_at is not null then responded_at - submitted_at else 0 end`,
  responded: () => one(sql`responded_at is not null`),
  resolveMsTotal: () => sql`case when resolved_at is not null then resolved_at - submitted_at else 0 end`,
}

/**
 * Settled: finished, not paused, and not waiting for a rectification (整改) that turns late when its
 * deadline passes. Only an unsettled appeal's counts change as time passes, and only these four:
 * overdue, due for 按期办结率 (overdue counts), a rectification due, and the time paused so far.
 * UNSETTLED is the negation, written out as the partial index appeals_unsettled_idx (migration
 * 0027) has it, so that both databases see the query's condition as the index's own.
 */
export const SETTLED = sql<SqlBool>`(state not in (${open()}) and paused_at is null and not (reopen_count > 0 and rating_voided = 0 and rectified_at is null))`
export const UNSETTLED = sql<SqlBool>`(state in (${open()}) or paused_at is not null or (reopen_count > 0 and rating_voided = 0 and rectified_at is null))`
const CHANGE_WITH_TIME: readonly MetricKey[] = ['onTimeDue', 'pausedMs', 'rectifyDue', 'overdue']
const KEPT_WHENEVER = METRIC_KEYS.filter((key) => !CHANGE_WITH_TIME.includes(key))

/**
 * Fresh: filed and not yet moved by anyone. A fresh appeal's counts are all read at read time, so
 * that filing, the busiest write, writes no kept count and waits on no other filing's. Written as
 * appeals_fresh_idx (0027) and, for a period's, appeals_fresh_month_idx (0039, PostgreSQL) have it.
 */
export const FRESH = sql<SqlBool>`state = ${sql.lit(SUBMITTED)}`
export const isFresh = (appeal: { state: string }) => appeal.state === SUBMITTED

const total = (adds: Expression<number>) => sql<number>`coalesce(sum(${adds}), 0)`

/** Every count of MetricCounts, at `now`, as a column of an aggregate over appeal rows. */
export function metricSelections(now: number) {
  return METRIC_KEYS.map((key) => total(ADDS[key](now)).as(key))
}

/**
 * What appeal_daily_counts keeps of the appeals aggregated: the counts of those not fresh, but the
 * four that change with time only of the settled ones (for which `now` no longer matters).
 */
export function keptSelections() {
  return METRIC_KEYS.map((key) =>
    total(sql`case when ${CHANGE_WITH_TIME.includes(key) ? SETTLED : sql`not ${FRESH}`} then ${ADDS[key](0)} else 0 end`).as(key),
  )
}

/**
 * The rest, read at `now`: the four counts that change with time, of the unsettled appeals; and the
 * others of the fresh ones (each from a partial index of its own, 0027: appeals_unsettled_idx and
 * appeals_fresh_idx; a fresh appeal is also unsettled).
 */
export function liveParts(now: number) {
  return [
    { where: UNSETTLED, selections: CHANGE_WITH_TIME.map((key) => total(ADDS[key](now)).as(key)) },
    { where: FRESH, selections: KEPT_WHENEVER.map((key) => total(ADDS[key](now)).as(key)) },
  ]
}
