import type { BulletinRow } from '../contract'
import { HOUR } from '../domain/time-units'
import { missedTargets, ratesOf, score, TARGET_LABELS, type MetricCounts } from '../domain/metrics'

export const NO_COUNTS: MetricCounts = {
  received: 0,
  responseDue: 0,
  respondedOnTime: 0,
  resolved: 0,
  resolvedOnTime: 0,
  onTimeDue: 0,
  rated: 0,
  satisfied: 0,
  unsatisfied: 0,
  solvedAnswered: 0,
  solved: 0,
  returnedOrDisputed: 0,
  returned: 0,
  returnPending: 0,
  returnUpheld: 0,
  returnOverturned: 0,
  returnObjected: 0,
  withdrawn: 0,
  paused: 0,
  pauses: 0,
  pausedMs: 0,
  reopened: 0,
  rectifyDue: 0,
  rectifiedOnTime: 0,
  rectified: 0,
  followedUp: 0,
  spotPicked: 0,
  spotChecked: 0,
  pressured: 0,
  overdue: 0,
  respondMsTotal: 0,
  responded: 0,
  resolveMsTotal: 0,
}

export function addCounts(a: MetricCounts, b: MetricCounts): MetricCounts {
  return Object.fromEntries(
    Object.keys(NO_COUNTS).map((k) => [k, a[k as keyof MetricCounts] + b[k as keyof MetricCounts]]),
  ) as unknown as MetricCounts
}

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
