import type { BulletinPress, DepartmentSections } from '../contract'
import { helpGivenTo, HELP_KINDS, type HelpKind } from '../domain/appeal/help'
import {
  indicatorSection,
  lagReasons,
  NO_INDICATORS,
  NO_MILESTONES,
  NO_PROJECTS,
  NO_VISITS,
  visitSection,
  type HelpCounts,
  type IndicatorCounts,
  type MilestoneCounts,
  type OwedPeriod,
  type ProjectCounts,
  type VisitCounts,
} from '../domain/department-sections'
import { ROLE_LABELS } from '../domain/roles'
import type { VisitorRole } from '../domain/visit/periods'
import type { BulletinPressRow } from '../store/repositories/department-sections'

/** What the store counted for the month, each section keyed by department. */
export interface SectionCounts {
  periods: Record<VisitorRole, OwedPeriod[]>
  pairs: Map<string, VisitCounts['pairs']>
  visitsDone: Map<string, VisitCounts['done']>
  milestones: Map<string, MilestoneCounts>
  projects: Map<string, ProjectCounts>
  behindProjects: { id: string; name: string; departmentId: string }[]
  help: Map<string, HelpCounts[]>
  indicators: Map<string, IndicatorCounts>
  presses: BulletinPressRow[]
}

export const pressView = (row: BulletinPressRow): BulletinPress => ({
  departmentId: row.department_id,
  month: row.month,
  state: row.state,
  reasons: row.reasons,
  note: row.note,
  pressedAt: Number(row.pressed_at),
  answer: row.answer,
  answeredAt: row.answered_at === null ? null : Number(row.answered_at),
})

export const helpLine = (h: HelpCounts) => ({
  ...h,
  label: HELP_KINDS[h.kind as HelpKind].label,
  text: helpGivenTo(h.enterprises, h.kind as HelpKind, h.amount || null),
})

/** One department's sections from the month's counts; `missedRates` are its appeal targets missed. */
export function departmentSections(
  department: { id: string; name: string },
  missedRates: readonly string[],
  counts: SectionCounts,
): DepartmentSections {
  const visits = visitSection(
    { pairs: counts.pairs.get(department.id) ?? NO_VISITS.pairs, done: counts.visitsDone.get(department.id) ?? NO_VISITS.done },
    counts.periods,
  )
  const milestones = counts.milestones.get(department.id) ?? NO_MILESTONES
  const projects = counts.projects.get(department.id) ?? NO_PROJECTS
  const press = counts.presses.find((p) => p.department_id === department.id)
  return {
    departmentId: department.id,
    name: department.name,
    visits: { ...visits, roles: visits.roles.map((r) => ({ ...r, label: ROLE_LABELS[r.role] })) },
    milestones,
    projects: {
      ...projects,
      behindProjects: counts.behindProjects.filter((p) => p.departmentId === department.id).map(({ id, name }) => ({ id, name })),
    },
    help: (counts.help.get(department.id) ?? []).filter((h) => h.kind in HELP_KINDS).map(helpLine),
    indicators: indicatorSection(counts.indicators.get(department.id) ?? NO_INDICATORS),
    lagging: lagReasons({ missedRates, visits, milestones, projects }),
    press: press ? pressView(press) : null,
  }
}
