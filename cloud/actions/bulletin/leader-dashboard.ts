import { DAY } from '../../domain/time-units'
import type { Dashboard, ParsedInput } from '../../contract'
import { inZone } from '../../domain/clock'
import { monthRange, ratesOf, TARGETS } from '../../domain/metrics'
import { ROLE_LABELS } from '../../domain/roles'
import { FREQUENCY_LABELS } from '../../domain/visit/periods'
import { lastSupervisedAt, listOverdueSummaries } from '../../store/repositories/appeals'
import { listDepartments } from '../../store/repositories/departments'
import { countAppealMetrics } from '../../store/repositories/metrics'
import { toAppealSummary } from '../../views/appeal-summary'
import { addCounts, bulletinRow, NO_COUNTS, rankRows, sumBy } from '../../views/bulletin-rows'
import { visitStandingsByRole } from '../../workflows/visit-coverage'
import { visitFrequencyOf } from '../../workflows/visit-frequency'
import { ActionContext, requireUser } from '../context'

const OVERDUE_SHOWN = 20

/**
 * bulletin.dashboard (领导看板): a month read in a minute on a phone. The three rates against their
 * targets, a trend by week, by category and by department, all from one aggregate over the month's
 * appeals split by department × category × week; the overdue list to press (督办); and how the
 * visits stand this period for each role.
 */
export async function leaderDashboard(ctx: ActionContext, input: ParsedInput<'bulletin.dashboard'>): Promise<Dashboard> {
  const now = ctx.clock.now()
  const range = monthRange(input.month)
  const firstDay = inZone(range.from)
  const weekOrigin = firstDay.subtract((firstDay.day() + 6) % 7, 'day').valueOf()

  const [groups, departments, overdue, visits] = await Promise.all([
    countAppealMetrics(ctx.db, range, now, ['department', 'category', 'week'], weekOrigin),
    listDepartments(ctx.db),
    listOverdueSummaries(ctx.db, now, OVERDUE_SHOWN),
    visitFrequencyOf(ctx).then((frequency) => visitStandingsByRole(ctx, now, frequency)),
  ])

  // A case already pressed says so, with when: the leader presses again knowingly, not by accident.
  const pressed = await lastSupervisedAt(
    ctx.db,
    overdue.rows.map((row) => row.id),
  )
  const byDepartment = sumBy(groups, (g) => g.departmentId)
  const byCategory = sumBy(groups, (g) => g.category)
  const byWeek = sumBy(groups, (g) => g.week)
  const total = groups.reduce((sum, g) => addCounts(sum, g.counts), NO_COUNTS)
  const weeks = Math.ceil((range.to - weekOrigin) / (7 * DAY))

  return {
    month: input.month,
    targets: { ...TARGETS },
    total: bulletinRow(null, '全镇', total),
    departments: rankRows(departments.map((d) => bulletinRow(d.id, d.name, byDepartment.get(d.id) ?? NO_COUNTS))),
    categories: [...byCategory.entries()]
      .map(([category, counts]) => bulletinRow(null, String(category), counts))
      .sort((a, b) => b.received - a.received),
    weeks: Array.from({ length: weeks }, (_, i) => {
      const start = inZone(weekOrigin).add(i, 'week')
      const counts = byWeek.get(i) ?? NO_COUNTS
      const from = inZone(Math.max(start.valueOf(), range.from))
      const to = inZone(Math.min(start.add(1, 'week').valueOf(), range.to) - 1)
      return {
        label: from.format('M/D'),
        days: `${from.format('M/D')}–${to.format('M/D')}`,
        received: counts.received,
        ...pick(ratesOf(counts)),
      }
    }),
    overdue: {
      total: overdue.total,
      items: overdue.rows.map((row) => ({
        ...toAppealSummary(row, now, requireUser(ctx).role),
        supervisedAt: pressed.get(row.id) ?? null,
      })),
    },
    visits: visits.roles.map(({ role, frequency, ...standing }) => ({
      role,
      label: ROLE_LABELS[role],
      periodLabel: standing.people > 0 ? FREQUENCY_LABELS[frequency] : '',
      ...standing,
    })),
    unvisited: visits.unvisited,
  }
}

const pick = (r: ReturnType<typeof ratesOf>) => ({
  responseRate: r.responseRate,
  onTimeRate: r.onTimeRate,
  satisfactionRate: r.satisfactionRate,
  resolutionRate: r.resolutionRate,
})
