import { complianceWindow, computeCompliance, periodsAt, type Coverage } from '../domain/visit/compliance'
import { type VisitFrequency } from '../domain/visit/periods'
import { type UserRow } from '../store/repositories/users'
import { listCoverage, provenVisitsByPeriod } from '../store/repositories/visits'
import { ActionContext } from '../actions/context'

/** Turns the enterprises' assignments into who must visit whom, within what the caller may see. */
export function coverageFor(rows: Awaited<ReturnType<typeof listCoverage>>, caller: Pick<UserRow, 'id' | 'role'>): Coverage[] {
  // A loop that pushes, not arrays spread per row: a town is 10,000 enterprises, three entries each.
  const all: Coverage[] = []
  for (const r of rows) {
    if (r.officer_id) all.push({ personId: r.officer_id, role: 'officer', enterpriseId: r.id })
    for (const head of r.head_ids) all.push({ personId: head, role: 'dept_head', enterpriseId: r.id })
    if (r.leader_id) all.push({ personId: r.leader_id, role: 'leader', enterpriseId: r.id })
  }
  // An officer answers for their own visits; a head for the department's officers and their own.
  if (caller.role === 'officer') return all.filter((c) => c.personId === caller.id)
  if (caller.role === 'dept_head') return all.filter((c) => c.personId === caller.id || c.role === 'officer')
  return all
}

/**
 * Who has made the period's visits, within what a person may see: the coverage rows and the pure
 * result, for visit.compliance to dress and the dashboard to sum by role (without the names).
 */
export async function computeVisitCompliance(
  ctx: Pick<ActionContext, 'db' | 'clock'>,
  user: UserRow,
  at: number,
  frequency: VisitFrequency,
  { names = true }: { names?: boolean } = {},
) {
  const rows = await listCoverage(
    ctx.db,
    user.role === 'officer' ? { personId: user.id } : user.role === 'dept_head' ? { departmentId: user.department_id ?? '' } : undefined,
    { names },
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
