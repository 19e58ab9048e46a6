import type { BulletinRow } from '../contract'
import { HOUR } from '../domain/time-units'
import { addCounts, missedTargets, NO_COUNTS, ratesOf, score, TARGET_LABELS, type MetricCounts } from '../domain/metrics'

export { addCounts, NO_COUNTS } from '../domain/metrics'

/** Sums fine-grained counts into one per key (a department, a category, a week). */
export function sumBy<K>(
  groups: { counts: MetricCounts }[],
  key: (g: { counts: MetricCounts } & Record<string, unknown>) => K,
): Map<K, MetricCounts> {
  const sums = new Map<K, MetricCounts>()
  for (const g of groups) {
    const k = key(g as { counts: MetricCounts } & Record<string, unknown>)
    sums.set(k, addCounts(sums.get(k) ?? NO_COUNTS, g.counts))
  }
  return sums
}

export function bulletinRow(departmentId: string | null, name: string, counts: MetricCounts): BulletinRow {
  const rates = ratesOf(counts)
  return {
    departmentId,
    name,
    received: counts.received,
    resolved: counts.resolved,
    overdue: counts.overdue,
    ...rates,
    rank: null,
    missed: missedTargets(rates).map((k) => TARGET_LABELS[k]),
    returns: {
      total: counts.returned,
      pending: counts.returnPending,
      upheld: counts.returnUpheld,
      overturned: counts.returnOverturned,
      objected: counts.returnObjected,
    },
    withdrawn: counts.withdrawn,
    pauses: { appeals: counts.paused, count: counts.pauses, hours: Math.round((counts.pausedMs / HOUR) * 10) / 10 },
    badRatings: counts.unsatisfied,
    rectification: { due: counts.rectifyDue, onTime: counts.rectifiedOnTime, rectified: counts.rectified, followedUp: counts.followedUp },
    spotChecks: { picked: counts.spotPicked, checked: counts.spotChecked, pressured: counts.pressured },
  }
}

/** Ranks rows on the three rates (those with nothing to score are not ranked) and sorts them by rank. */
export function rankRows(rows: BulletinRow[]): BulletinRow[] {
  const ranked = rows.filter((r) => score(r) !== null).sort((a, b) => score(b)! - score(a)! || b.received - a.received)
  ranked.forEach((row, i) => (row.rank = i + 1))
  return [...rows].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))
}
