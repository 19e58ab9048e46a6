import { FREQUENCIES, periodOf, VISITOR_ROLES, type Frequency, type Period, type VisitFrequency, type VisitorRole } from './periods'

/** A person who must visit an enterprise: its officer, its department's head, or its leader. */
export interface Coverage {
  personId: string
  role: VisitorRole
  enterpriseId: string
}

/**
 * Each person who covers an enterprise, in the order a person's first role is taken from: its
 * officer, its department's heads, its leader. (A callback, not an array: a town is 10,000
 * enterprises, three each.)
 */
export function eachCoverer(
  officerId: string | null,
  headIds: readonly string[],
  leaderId: string | null,
  take: (personId: string, role: VisitorRole) => void,
): void {
  if (officerId) take(officerId, 'officer')
  for (const head of headIds) take(head, 'dept_head')
  if (leaderId) take(leaderId, 'leader')
}

/** Whether a person made a proven visit to an enterprise in each of the week, month and quarter looked at. */
export interface PeriodVisits {
  hostId: string
  enterpriseId: string
  week: boolean
  month: boolean
  quarter: boolean
}

export interface PersonCompliance {
  personId: string
  role: VisitorRole
  period: Period
  covered: number
  visited: number
  /** The enterprises this person still owes a visit in the period. */
  behind: string[]
}

export interface ComplianceResult {
  people: PersonCompliance[]
  /** Enterprises that nobody has visited this month: the gap in grid coverage (网格化包保). */
  unvisited: string[]
  periods: Record<Frequency, Period>
}

/** The week, month and quarter that contain a moment. */
export function periodsAt(at: number): Record<Frequency, Period> {
  return { week: periodOf('week', at), month: periodOf('month', at), quarter: periodOf('quarter', at) }
}

/** The span the three periods cover together: visits outside it count for none of them. */
export function complianceWindow(periods: Record<Frequency, Period>): { from: number; to: number } {
  return { from: Math.min(...FREQUENCIES.map((f) => periods[f].from)), to: Math.max(...FREQUENCIES.map((f) => periods[f].to)) }
}

/**
 * Who has made the period's visits: each person against the frequency of their role, counting
 * only proven visits, with the enterprises they still owe, behind-most first.
 */
export function computeCompliance(coverage: Coverage[], visits: PeriodVisits[], frequency: VisitFrequency, at: number): ComplianceResult {
  const periods = periodsAt(at)
  // Person, then enterprise, in maps of maps rather than by a joined key: a town is 30,000 entries,
  // and a new string for each took most of the time.
  const made = new Map<string, Map<string, PeriodVisits>>()
  for (const v of visits) made.set(v.hostId, (made.get(v.hostId) ?? new Map<string, PeriodVisits>()).set(v.enterpriseId, v))
  const visitedThisMonth = new Set(visits.filter((v) => v.month).map((v) => v.enterpriseId))

  const people = new Map<string, PersonCompliance>()
  const enterprises = new Set<string>()
  const counted = new Map<string, Set<string>>()
  for (const c of coverage) {
    enterprises.add(c.enterpriseId)
    let theirs = counted.get(c.personId)
    if (!theirs) counted.set(c.personId, (theirs = new Set()))
    if (theirs.has(c.enterpriseId)) continue
    theirs.add(c.enterpriseId)
    const due = frequency[c.role]
    let row = people.get(c.personId)
    if (!row) {
      row = { personId: c.personId, role: c.role, period: periods[due], covered: 0, visited: 0, behind: [] }
      people.set(c.personId, row)
    }
    row.covered++
    if (made.get(c.personId)?.get(c.enterpriseId)?.[due]) row.visited++
    else row.behind.push(c.enterpriseId)
  }
  const ranked = [...people.values()].sort((a, b) => b.behind.length - a.behind.length || a.personId.localeCompare(b.personId))
  return { people: ranked, unvisited: [...enterprises].filter((id) => !visitedThisMonth.has(id)), periods }
}

/** Who covers an enterprise: its officer, leader and department (and so the department's heads). */
interface CoveredBy {
  officerId: string | null
  leaderId: string | null
  departmentId: string | null
}

/** The enterprises that share who covers them: how many, and the department's heads. */
export interface CoverageGroup extends CoveredBy {
  headIds: readonly string[]
  enterprises: number
}

/** A person's proven visits to an enterprise (as PeriodVisits), with who covers the enterprise. */
export type CoveredVisits = PeriodVisits & CoveredBy

export interface RoleStanding {
  role: VisitorRole
  frequency: Frequency
  people: number
  peopleBehind: number
  covered: number
  visited: number
}

/**
 * computeCompliance summed by role, from the enterprises grouped by who covers them instead of
 * one by one: what a town's dashboard shows, without a row and a set entry per enterprise (a town
 * of 10,000 enterprises read and counted one by one took 30 ms on PostgreSQL). The groups come in
 * the order of their first enterprise by id, so a person's first role is the one computeCompliance
 * takes; within a group a person counts once, as in an enterprise there.
 */
export function complianceByRole(
  groups: CoverageGroup[],
  visits: CoveredVisits[],
  frequency: VisitFrequency,
): { roles: RoleStanding[]; unvisited: number } {
  const keyOf = (c: CoveredBy) => JSON.stringify([c.officerId, c.leaderId, c.departmentId])
  // Per group and visitor: how many of the group's enterprises they saw in each period; and which
  // of the group's enterprises anybody saw this month.
  const seen = new Map<string, Map<string, Record<Frequency, number>>>()
  const seenThisMonth = new Map<string, Set<string>>()
  for (const v of visits) {
    const key = keyOf(v)
    const counts = entry(
      entry(seen, key, () => new Map()),
      v.hostId,
      () => ({ week: 0, month: 0, quarter: 0 }),
    )
    for (const f of FREQUENCIES) if (v[f]) counts[f]++
    if (v.month) entry(seenThisMonth, key, () => new Set()).add(v.enterpriseId)
  }
  const people = new Map<string, { role: VisitorRole; covered: number; visited: number }>()
  let unvisited = 0
  for (const group of groups) {
    const key = keyOf(group)
    const counted = new Set<string>()
    eachCoverer(group.officerId, group.headIds, group.leaderId, (personId, role) => {
      if (counted.has(personId)) return
      counted.add(personId)
      const row = entry(people, personId, () => ({ role, covered: 0, visited: 0 }))
      row.covered += group.enterprises
      row.visited += seen.get(key)?.get(personId)?.[frequency[role]] ?? 0
    })
    // An enterprise nobody covers is nobody's gap (computeCompliance never sees it).
    if (counted.size > 0) unvisited += group.enterprises - (seenThisMonth.get(key)?.size ?? 0)
  }
  const roles = VISITOR_ROLES.map((role) => {
    const rows = [...people.values()].filter((p) => p.role === role)
    return {
      role,
      frequency: frequency[role],
      people: rows.length,
      peopleBehind: rows.filter((p) => p.visited < p.covered).length,
      covered: rows.reduce((n, p) => n + p.covered, 0),
      visited: rows.reduce((n, p) => n + p.visited, 0),
    }
  })
  return { roles, unvisited }
}

/** The value at `key`, put there by `make` the first time. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key)
  if (value === undefined) map.set(key, (value = make()))
  return value
}
