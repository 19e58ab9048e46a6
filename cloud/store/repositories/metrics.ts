import { sql, type Kysely } from 'kysely'
import { OPEN_STATES } from '../../domain/appeal/rules'
import type { MetricCounts } from '../../domain/metrics'
import type { Database } from '../database'

const when = (condition: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`

/**
 * The bulletin's counts for the appeals submitted in [from, to), per department (null = routed
 * nowhere) and in total: one pass over the period's rows by appeals_period_idx, all in SQL.
 */
export async function countAppealMetrics(db: Kysely<Database>, range: { from: number; to: number }, now: number) {
  const open = sql.join(OPEN_STATES.map((s) => sql.lit(s)))
  const rows = await db
    .selectFrom('appeals')
    .where('submitted_at', '>=', range.from)
    .where('submitted_at', '<', range.to)
    .select([
      'department_id',
      sql<number>`count(*)`.as('received'),
      when(sql`responded_at is not null and responded_at <= accept_due_at`).as('respondedOnTime'),
      when(sql`resolved_at is not null`).as('resolved'),
      when(sql`resolved_at is not null and resolved_late = 0`).as('resolvedOnTime'),
      when(sql`rating is not null`).as('rated'),
      when(sql`rating in ('satisfied', 'basically_satisfied')`).as('satisfied'),
      when(sql`state = 'returned' or dispute_count > 0`).as('returnedOrDisputed'),
      when(sql`reopen_count > 0`).as('reopened'),
      when(sql`state in (${open}) and due_at < ${now}`).as('overdue'),
      sql<number>`coalesce(sum(case when responded_at is not null then responded_at - submitted_at else 0 end), 0)`.as('respondMsTotal'),
      when(sql`responded_at is not null`).as('responded'),
      sql<number>`coalesce(sum(case when resolved_at is not null then resolved_at - submitted_at else 0 end), 0)`.as('resolveMsTotal'),
    ])
    .groupBy('department_id')
    .execute()
  return rows.map(({ department_id, ...counts }) => ({
    departmentId: department_id,
    counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])) as unknown as MetricCounts,
  }))
}

/** Help delivered by appeals resolved in [from, to): per kind, how many enterprises and how much. */
export async function sumHelpDelivered(db: Kysely<Database>, range: { from: number; to: number }) {
  const rows = await db
    .selectFrom('appeals')
    .where('resolved_at', '>=', range.from)
    .where('resolved_at', '<', range.to)
    .where('help_kind', 'is not', null)
    .select(['help_kind', sql<number>`count(distinct enterprise_id)`.as('enterprises'), sql<number>`coalesce(sum(help_amount), 0)`.as('amount')])
    .groupBy('help_kind')
    .execute()
  return rows.map((r) => ({ kind: r.help_kind!, enterprises: Number(r.enterprises), amount: Number(r.amount) }))
}
