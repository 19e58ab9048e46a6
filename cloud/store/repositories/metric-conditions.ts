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
 * Only four counts change as time passes, and only through a deadline passing or a pause running:
 * overdue and the 按期办结率 denominator (`due_at < now`), a rectification due
 * (`rectify_due_at < now`), and the time paused so far (`now − paused_at`). appeal_daily_counts
 * keeps the first three as they will read once every deadline has passed (`now` = EVER), and the
 * paused time as a sum plus `now` times the appeals paused; a read takes back what the appeals
 * whose deadline is still ahead do not yet count. Those are the month's latest few (a deadline
 * runs three days), however many of its appeals are still open.
 */
export const EVER = Number.MAX_SAFE_INTEGER

/**
 * The appeals whose counts read at `now` can differ from those kept: a running deadline ahead
 * (overdue, due for 按期办结率), a rectification's deadline ahead (rectifyDue). Each part takes back
 * only its own counts, as they read at `now` less as at EVER, so an appeal in both is taken back
 * once for each, and one whose counts do not wait on the deadline takes back nothing. Written as
 * the partial indexes appeals_due_ahead_idx and appeals_rectify_ahead_idx (migration 0042) have
 * them. Fresh appeals are read whole instead (below). No equality on the state: SQLite, without
 * statistics, would rather walk the state's index through every open appeal.
 */
export const DUE_AHEAD = sql<SqlBool>`(due_at is not null and state <> ${sql.lit(SUBMITTED)})`
export const RECTIFY_AHEAD = sql<SqlBool>`(rectify_due_at is not null and reopen_count > 0 and rating_voided = 0 and rectified_at is null and state <> ${sql.lit(SUBMITTED)})`
const AHEAD: readonly { where: RawBuilder<SqlBool>; column: 'due_at' | 'rectify_due_at'; keys: readonly MetricKey[] }[] = [
  { where: DUE_AHEAD, column: 'due_at', keys: ['overdue', 'onTimeDue'] },
  { where: RECTIFY_AHEAD, column: 'rectify_due_at', keys: ['rectifyDue'] },
]

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
 * What appeal_daily_counts keeps of the appeals aggregated: the counts of those not fresh, the
 * three that wait on a deadline as at EVER, the paused time without its running part, and how many
 * are paused now (`paused_now`), which the read multiplies by its `now`.
 */
export function keptSelections() {
  const notFresh = (adds: Expression<number>) => total(sql`case when not ${FRESH} then ${adds} else 0 end`)
  return [
    ...METRIC_KEYS.map((key) => notFresh(ADDS[key](key === 'pausedMs' ? 0 : EVER)).as(key)),
    notFresh(one(sql`paused_at is not null`)).as('pausedNow'),
  ]
}

/** Every count of the fresh appeals at `now`. */
export const freshPart = (now: number) => ({ where: FRESH, selections: metricSelections(now), byDeadline: false })

/**
 * The rest, read at `now`: for each deadline still ahead, its counts as they read now less those
 * kept (from appeals_due_ahead_idx and appeals_rectify_ahead_idx, 0042: the deadlines after `now`
 * lead them); and every count of the fresh appeals (appeals_fresh_idx, 0027, and
 * appeals_fresh_month_idx, 0039, on PostgreSQL).
 */
export function liveParts(now: number) {
  return [
    ...AHEAD.map(({ where, column, keys }) => ({
      where: sql<SqlBool>`${where} and ${sql.ref(column)} >= ${now}`,
      selections: keys.map((key) => total(sql`${ADDS[key](now)} - ${ADDS[key](EVER)}`).as(key)),
      // Read by the deadline: SQLite, knowing no sizes, would walk the month's appeals by their
      // filing time rather than the few deadlines after `now` (metrics.ts countAppealsDirectly).
      byDeadline: true,
    })),
    freshPart(now),
  ]
}
