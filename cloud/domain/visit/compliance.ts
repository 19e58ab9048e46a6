import { FREQUENCIES, periodOf, type Frequency, type Period, type VisitFrequency, type VisitorRole } from './periods'

/** A person who must visit an enterprise: its officer, its department's head, or its leader. */
export interface Coverage {
  personId: string
  role: VisitorRole
  enterpriseId: string
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
