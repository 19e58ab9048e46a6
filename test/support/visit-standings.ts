import type { ComplianceResult } from '../../cloud/domain/visit/compliance'
import { VISITOR_ROLES, type VisitFrequency } from '../../cloud/domain/visit/periods'

/** computeCompliance's result summed by role as the dashboard shows it: what complianceByRole must equal. */
export function summedByRole(result: ComplianceResult, frequency: VisitFrequency) {
  return {
    roles: VISITOR_ROLES.map((role) => {
      const people = result.people.filter((p) => p.role === role)
      return {
        role,
        frequency: frequency[role],
        people: people.length,
        peopleBehind: people.filter((p) => p.behind.length > 0).length,
        covered: people.reduce((n, p) => n + p.covered, 0),
        visited: people.reduce((n, p) => n + p.visited, 0),
      }
    }),
    unvisited: result.unvisited.length,
  }
}
