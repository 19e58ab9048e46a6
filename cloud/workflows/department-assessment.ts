import {
  assessmentPeriod,
  COMPONENTS,
  DEFAULT_WEIGHTS,
  NO_TALLY,
  parseStoredWeights,
  WEIGHTS_SETTING,
  type AssessmentWeights,
  type Component,
  type Tallies,
} from '../domain/assessment'
import { helpTally, inspectionTally, milestoneTally, projectTally, visitTally, type CountedTally } from '../domain/assessment-tallies'
import { HELP_KINDS, type HelpKind } from '../domain/appeal/help'
import { inZone } from '../domain/clock'
import { DEFAULT_VISIT_FREQUENCY, type VisitFrequency } from '../domain/visit/periods'
import type { Db } from '../store/database'
import {
  listAssessedEnterprises,
  listFindingsDueBetween,
  listHelpGivenBetween,
  listPlanMilestonesDue,
  listProjectsWithDepartments,
  listProvenVisitsBetween,
} from '../store/repositories/assessment-sources'
import { countAppealMetrics } from '../store/repositories/metrics'
import { findTownSetting } from '../store/repositories/town-settings'
import { visitFrequencyOf } from './visit-frequency'

/** The weights in force: the town's (set in the app), else the host's ASSESSMENT_WEIGHTS, else the defaults. */
export async function assessmentWeightsOf(deps: {
  db: Db
  assessmentWeights?: AssessmentWeights
}): Promise<{ weights: AssessmentWeights; source: 'town' | 'host' }> {
  const stored = parseStoredWeights(await findTownSetting(deps.db, WEIGHTS_SETTING))
  return stored ? { weights: stored, source: 'town' } : { weights: deps.assessmentWeights ?? DEFAULT_WEIGHTS, source: 'host' }
}

/** A department's tallies, and its appeals received (shown beside the score, and breaking ties). */
export type DepartmentTallies = Record<Component, CountedTally> & { received: number }

const day = (ms: number) => inZone(ms).format('YYYY-MM-DD')
const appeal = (done: number, due: number): CountedTally => ({ done, due, items: [] })

/**
 * Every department's tallies for a quarter or a year, read at `now` (each component counts what
 * was due by the period's end, or by now while it runs). The appeal rates come from the bulletin's
 * counts; their items are the drill's (bulletin.appeals), so they carry none here.
 */
export async function departmentTallies(
  deps: { db: Db; visitFrequency?: VisitFrequency },
  period: string,
  now: number,
): Promise<Map<string, DepartmentTallies>> {
  const { from, to } = assessmentPeriod(period)
  const at = Math.min(to, now)
  const [appeals, enterprises, visits, milestones, projects, help, findings, frequency] = await Promise.all([
    countAppealMetrics(deps.db, { from, to }, now),
    listAssessedEnterprises(deps.db, from),
    listProvenVisitsBetween(deps.db, from, at),
    listPlanMilestonesDue(deps.db, day(from), day(to)),
    listProjectsWithDepartments(deps.db),
    listHelpGivenBetween(deps.db, day(from), day(to)),
    listFindingsDueBetween(deps.db, from, to),
    visitFrequencyOf({ db: deps.db, visitFrequency: deps.visitFrequency ?? DEFAULT_VISIT_FREQUENCY }),
  ])
  const departments = new Set<string>([
    ...appeals.map((g) => g.departmentId).filter((d): d is string => d !== null),
    ...enterprises.map((e) => e.department_id!),
    ...projects.map((p) => p.departmentId),
    ...help.map((h) => h.departmentId),
    ...findings.map((f) => f.departmentId),
  ])
  const result = new Map<string, DepartmentTallies>()
  for (const id of departments) {
    const counts = appeals.find((g) => g.departmentId === id)?.counts
    const own = enterprises.filter((e) => e.department_id === id)
    const ownIds = new Set(own.map((e) => e.id))
    result.set(id, {
      received: counts?.received ?? 0,
      responseRate: appeal(counts?.respondedOnTime ?? 0, counts?.responseDue ?? 0),
      onTimeRate: appeal(counts?.resolvedOnTime ?? 0, counts?.onTimeDue ?? 0),
      satisfactionRate: appeal(counts?.satisfied ?? 0, counts?.rated ?? 0),
      visitRate: visitTally(
        own,
        visits.filter((v) => ownIds.has(v.enterpriseId)),
        frequency.dept_head,
        from,
        at,
      ),
      milestoneRate: milestoneTally(
        milestones.filter((m) => m.departmentId === id),
        from,
        at,
      ),
      projectRate: projectTally(
        projects.filter((p) => p.departmentId === id),
        at,
      ),
      helpRate: helpTally(
        help
          .filter((h) => h.departmentId === id)
          .map((h) => ({ ...h, label: `${h.label}：${HELP_KINDS[h.kind as HelpKind]?.label ?? h.kind}` })),
        from,
        to,
      ),
      inspectionRate: inspectionTally(
        findings.filter((f) => f.departmentId === id),
        from,
        to,
        now,
      ),
    })
  }
  return result
}

/** The counts alone, for scoring. */
export const talliesOf = (t: DepartmentTallies | undefined): Tallies =>
  Object.fromEntries(COMPONENTS.map((c) => [c, t ? { done: t[c].done, due: t[c].due } : NO_TALLY])) as Tallies
