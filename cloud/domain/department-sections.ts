import dayjs from 'dayjs'
import { beijingMoment, inZone } from './clock'
import { periodOf, VISITOR_ROLES, type Frequency, type VisitFrequency, type VisitorRole } from './visit/periods'

/**
 * 一月一通报, per department: beside the appeal rates, its visits, its enterprises' plan milestones,
 * the key projects it answers for, the help it delivered and its firms' indicators. The store counts
 * (one grouped query per section); this module shapes the counts and names the lagging.
 *
 * Who a department answers for: the enterprises whose 包抓部门 it is; a key project through its
 * enterprise, or, for a project with no enterprise yet, through its secretary's department.
 */

/** A visit period owed in a month: [from, to) in epoch ms. */
export interface OwedPeriod {
  from: number
  to: number
}

/**
 * The periods of a frequency a month owes, begun by `now` (a month read while under way owes only
 * what has started): weekly, the ISO weeks whose Monday is in the month, each counted whole; monthly,
 * the month; quarterly, the quarter, owed in its last month only.
 */
export function owedPeriods(month: string, frequency: Frequency, now: number): OwedPeriod[] {
  const start = beijingMoment(`${month}-01 00:00:00`)
  const end = start.add(1, 'month')
  let periods: OwedPeriod[]
  if (frequency === 'month') periods = [{ from: start.valueOf(), to: end.valueOf() }]
  else if (frequency === 'quarter') {
    const quarter = periodOf('quarter', start.valueOf())
    periods = quarter.to === end.valueOf() ? [{ from: quarter.from, to: quarter.to }] : []
  } else {
    periods = []
    let monday = inZone(start.valueOf()).add((8 - start.day()) % 7, 'day')
    while (monday.valueOf() < end.valueOf()) {
      periods.push({ from: monday.valueOf(), to: monday.add(1, 'week').valueOf() })
      monday = monday.add(1, 'week')
    }
  }
  return periods.filter((p) => p.from <= now)
}

/** Each visiting role's owed periods for the month, by the town's frequency. */
export function owedPeriodsByRole(month: string, frequency: VisitFrequency, now: number): Record<VisitorRole, OwedPeriod[]> {
  return Object.fromEntries(VISITOR_ROLES.map((role) => [role, owedPeriods(month, frequency[role], now)])) as Record<
    VisitorRole,
    OwedPeriod[]
  >
}

/** The last day a month's deadlines are judged at: its last day once over, else the day before today. */
export function judgedThrough(month: string, now: number): string {
  const lastDay = dayjs(`${month}-01`).endOf('month').format('YYYY-MM-DD')
  const today = inZone(now).format('YYYY-MM-DD')
  return today <= lastDay ? dayjs(today).subtract(1, 'day').format('YYYY-MM-DD') : lastDay
}

/** Counts as the store hands them over, per department. */
export interface VisitCounts {
  /** Per role: the (person, enterprise) pairs that owe visits, and the periods they visited in. */
  pairs: Record<VisitorRole, number>
  done: Record<VisitorRole, number>
}
export interface MilestoneCounts {
  due: number
  met: number
  overdue: number
}
export interface ProjectCounts {
  projects: number
  behind: number
  dueMilestones: number
  metMilestones: number
  stageMoves: number
  progressReported: number
}
export interface HelpCounts {
  kind: string
  enterprises: number
  amount: number
}
export interface IndicatorCounts {
  enterprises: number
  reported: number
  /** 产值 this month and the same month last year; null where no firm gave it (the town may not ask for it). */
  revenue: number | null
  revenueLastYear: number | null
  /** Firms that reported both months: the like-for-like change is theirs. */
  revenueComparable: number
  revenueComparableLastYear: number
  warnings: number
}

export const NO_VISITS: VisitCounts = { pairs: { officer: 0, dept_head: 0, leader: 0 }, done: { officer: 0, dept_head: 0, leader: 0 } }
export const NO_MILESTONES: MilestoneCounts = { due: 0, met: 0, overdue: 0 }
export const NO_PROJECTS: ProjectCounts = { projects: 0, behind: 0, dueMilestones: 0, metMilestones: 0, stageMoves: 0, progressReported: 0 }
export const NO_INDICATORS: IndicatorCounts = {
  enterprises: 0,
  reported: 0,
  revenue: null,
  revenueLastYear: null,
  revenueComparable: 0,
  revenueComparableLastYear: 0,
  warnings: 0,
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null)

export interface VisitSection {
  /** Visits owed in the month (pairs × periods) and made; by role as well. */
  owed: number
  done: number
  rate: number | null
  roles: { role: VisitorRole; owed: number; done: number }[]
}

/** Visits owed: each covering pair owes one proven visit per owed period of its role. */
export function visitSection(counts: VisitCounts, periods: Record<VisitorRole, OwedPeriod[]>): VisitSection {
  const roles = VISITOR_ROLES.map((role) => {
    const owed = counts.pairs[role] * periods[role].length
    return { role, owed, done: Math.min(counts.done[role], owed) }
  })
  const owed = roles.reduce((n, r) => n + r.owed, 0)
  const done = roles.reduce((n, r) => n + r.done, 0)
  return { owed, done, rate: ratio(done, owed), roles }
}

export interface IndicatorSection extends IndicatorCounts {
  reportRate: number | null
  /** Like for like (firms with both months), as a fraction; null without a base. */
  revenueChange: number | null
}

export function indicatorSection(counts: IndicatorCounts): IndicatorSection {
  return {
    ...counts,
    reportRate: ratio(counts.reported, counts.enterprises),
    revenueChange:
      counts.revenueComparableLastYear > 0
        ? (counts.revenueComparable - counts.revenueComparableLastYear) / counts.revenueComparableLastYear
        : null,
  }
}

/** Below these, or with a project behind, a department is named as lagging beside the appeal targets. */
export const SECTION_TARGETS = { visitRate: 0.9, milestoneRate: 0.8 } as const

export interface LagInput {
  /** The appeal targets missed (labels), as the appeal rows say. */
  missedRates: readonly string[]
  visits: { rate: number | null }
  milestones: MilestoneCounts
  projects: { behind: number }
}

/**
 * Why a department is lagging this month, empty when it is not: an appeal rate below target, visits
 * done below 90% of those owed, plan milestones due in the month met below 80%, or a key project it
 * answers for behind schedule. Nothing to count is not lagging.
 */
export function lagReasons(input: LagInput): string[] {
  const reasons = input.missedRates.map((label) => `${label}未达标`)
  if (input.visits.rate !== null && input.visits.rate < SECTION_TARGETS.visitRate) reasons.push('走访未达标')
  const milestoneRate = ratio(input.milestones.met, input.milestones.due)
  if (milestoneRate !== null && milestoneRate < SECTION_TARGETS.milestoneRate) reasons.push('计划节点未按期完成')
  if (input.projects.behind > 0) reasons.push(`重点项目滞后 ${input.projects.behind} 个`)
  return reasons
}

/** 督办 of a lagging department for a month: pressed by a leader, answered by the department's head. */
export const PRESS_STATES = { pressed: '已督办', answered: '已反馈' } as const
export type PressState = keyof typeof PRESS_STATES

/** Only a pressed 督办 takes an answer, once. */
export function pressAnswerProblem(state: PressState): string | null {
  return state === 'pressed' ? null : '该督办已反馈'
}
