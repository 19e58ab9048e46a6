import type { ComplianceRow, CoveredEnterprise, ParsedInput, VisitCompliance } from '../../contract'
import { beijingMoment } from '../../domain/clock'
import { maskPhone } from '../../domain/phone'
import { ROLE_LABELS } from '../../domain/roles'
import { FREQUENCY_LABELS } from '../../domain/visit/periods'
import { findUsersByIds } from '../../store/repositories/users'
import { lastVisitOf } from '../../store/repositories/visits'
import { computeVisitCompliance } from '../../workflows/visit-coverage'
import { visitFrequencyOf } from '../../workflows/visit-frequency'
import { ActionContext, requireUser } from '../context'

/**
 * visit.compliance (走访达标): for each person in the caller's sight, how many of the enterprises
 * they cover they have visited this week, month or quarter (by role), who is behind, and which
 * enterprises nobody has visited this month. Two queries whatever the number of visits.
 */
export async function visitCompliance(ctx: ActionContext, input: ParsedInput<'visit.compliance'>): Promise<VisitCompliance> {
  const frequency = await visitFrequencyOf(ctx)
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  // A past day is looked at as of its end; today as of now.
  const at = input.at ? Math.min(now, beijingMoment(`${input.at} 23:59:59.999`).valueOf()) : now
  const { rows, coverage, result } = await computeVisitCompliance(ctx, user, at, frequency)

  const byId = new Map(rows.map((r) => [r.id, r]))
  const enterprise = (id: string) => ({ id, name: byId.get(id)?.name ?? '' })
  const people = await findUsersByIds(
    ctx.db,
    result.people.map((p) => p.personId),
  )
  const mineRow = result.people.find((p) => p.personId === user.id)
  const owed = new Set(mineRow?.behind)
  const mineIds = [...new Set(coverage.filter((c) => c.personId === user.id).map((c) => c.enterpriseId))]
  const last = await lastVisitOf(ctx.db, mineIds)
  const mine: CoveredEnterprise[] = mineIds.map((id) => ({
    id,
    name: byId.get(id)?.name ?? '',
    park: byId.get(id)?.park ?? '',
    lastVisitAt: last.get(id) ?? null,
    done: mineRow !== undefined && !owed.has(id),
  }))
  const rowsOut = result.people.map((p): ComplianceRow => {
    const person = people.find((u) => u.id === p.personId)
    return {
      // A list of colleagues is not a phone book: only the caller's own number is shown whole.
      person: {
        id: p.personId,
        name: person?.name ?? '',
        title: person?.title ?? '',
        phone: p.personId === user.id ? (person?.phone ?? '') : maskPhone(person?.phone ?? ''),
        role: p.role,
        roleLabel: ROLE_LABELS[p.role],
      },
      periodLabel: FREQUENCY_LABELS[p.period.frequency],
      covered: p.covered,
      visited: p.visited,
      behind: p.behind.map(enterprise),
    }
  })
  return {
    periods: { week: result.periods.week.label, month: result.periods.month.label, quarter: result.periods.quarter.label },
    people: rowsOut,
    self: rowsOut.find((r) => r.person.id === user.id) ?? null,
    unvisited: result.unvisited.map(enterprise),
    mine: mine.sort((a, b) => Number(a.done) - Number(b.done) || (a.lastVisitAt ?? 0) - (b.lastVisitAt ?? 0)),
  }
}
