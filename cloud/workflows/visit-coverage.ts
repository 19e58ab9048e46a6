import { complianceByRole, complianceWindow, computeCompliance, eachCoverer, periodsAt, type Coverage } from '../domain/visit/compliance'
import { type VisitFrequency } from '../domain/visit/periods'
import { type UserRow } from '../store/repositories/users'
import { listCoverage, listCoverageGroups, provenVisitsByPeriod, provenVisitsWithCoverage } from '../store/repositories/visits'
import { ActionContext } from '../actions/context'

/** Turns the enterprises' assignments into who must visit whom, within what the caller may see. */
export function coverageFor(
  rows: readonly { id: string; officer_id: string | null; leader_id: string | null; head_ids: readonly string[] }[],
  caller: Pick<UserRow, 'id' | 'role'>,
): Coverage[] {
  const all: Coverage[] = []
  for (const r of rows)
    eachCoverer(r.officer_id, r.head_ids, r.leader_id, (personId, role) => all.push({ personId, role, enterpriseId: r.id }))
  // An officer answers for their own visits; a head for the department's officers and their own.
  if (caller.role === 'officer') return all.filter((c) => c.personId === caller.id)
  if (caller.role === 'dept_head') return all.filter((c) => c.personId === caller.id || c.role === 'officer')
  return all
}

/** Who has made the period's visits, within what a person may see: the coverage rows and the pure result, for visit.compliance to dress. */
export async function computeVisitCompliance(
  ctx: Pick<ActionContext, 'db' | 'clock'>,
  user: UserRow,
  at: number,
  frequency: VisitFrequency,
) {
  const rows = await listCoverage(
    ctx.db,
    user.role === 'officer' ? { personId: user.id } : user.role === 'dept_head' ? { departmentId: user.department_id ?? '' } : undefined,
  )
  const coverage = coverageFor(rows, user)
  const periods = periodsAt(at)
  const scoped = user.role === 'officer' || user.role === 'dept_head'
  const visits = await provenVisitsByPeriod(
    ctx.db,
    periods,
    complianceWindow(periods),
    scoped ? { enterpriseIds: rows.map((r) => r.id) } : undefined,
  )
  return { rows, coverage, result: computeCompliance(coverage, visits, frequency, at) }
}

/**
 * How the town's visits stand this period for each role (the dashboard's), from the coverage grouped
 * in SQL. The two reads are statements apart and match visits to groups by who covers the
 * enterprise: an enterprise reassigned between them leaves its visits out of that one load.
 */
export async function visitStandingsByRole(ctx: Pick<ActionContext, 'db'>, at: number, frequency: VisitFrequency) {
  const periods = periodsAt(at)
  const [groups, visits] = await Promise.all([
    listCoverageGroups(ctx.db),
    provenVisitsWithCoverage(ctx.db, periods, complianceWindow(periods)),
  ])
  return complianceByRole(groups, visits, frequency)
}
