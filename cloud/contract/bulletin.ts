import { z } from 'zod'
import type { AssessmentWeights, Component } from '../domain/assessment'
import { BREAKDOWNS, DRILL_MEASURES, type Rates } from '../domain/metrics'
import type { IndicatorSection, MilestoneCounts, PressState, ProjectCounts, VisitSection } from '../domain/department-sections'
import { id, month, page } from './fields'
import { type Role } from '../domain/roles'
import { type AppealSummary } from './appeal'
import { type Page } from './common'
import { type Area, returns } from './spec'

export const bulletinInput = z.strictObject({ month })

export const pressInput = z.strictObject({
  month,
  departmentId: id('部门'),
  note: z.string().trim().max(200, '督办说明不能超过 200 个字').default('').meta({ title: '督办说明' }),
})

export const answerPressInput = z.strictObject({
  month,
  answer: z.string().trim().min(1, '请填写整改反馈').max(500, '整改反馈不能超过 500 个字').meta({ title: '整改反馈' }),
})

export const drillInput = z.strictObject({
  /** The month; or, from the assessment, a quarter or a year as `period` instead. */
  month: month.optional(),
  period: z
    .string()
    .regex(/^20\d{2}(-Q[1-4])?$/, '请写季度（如 2026-Q4）或年份（如 2026）')
    .optional()
    .meta({ title: '考核期' }),
  /** Which figure's appeals: see DRILL_MEASURES. */
  measure: z.enum(DRILL_MEASURES, { error: '没有这项指标' }).meta({ title: '指标' }),
  departmentId: z.string().trim().min(1).max(64).optional().meta({ title: '部门' }),
  category: z.string().trim().min(1).max(20).optional().meta({ title: '诉求类别' }),
  ...page,
})

export const assessmentInput = z.strictObject({
  /** 2026-Q4 for a quarter's inspection, 2026 for the year's assessment. */
  period: z
    .string()
    .regex(/^20\d{2}(-Q[1-4])?$/, '请写季度（如 2026-Q4）或年份（如 2026）')
    .meta({ title: '考核期' }),
})

export const breakdownInput = z.strictObject({
  month,
  by: z.enum(BREAKDOWNS, { error: '请选择按部门、承办人、类别或企业统计' }).meta({ title: '统计维度' }),
  /** Leaders and admins may narrow to one department; a head always sees their own. */
  departmentId: z.string().trim().min(1).max(64).optional().meta({ title: '部门' }),
  limit: z.number().int().min(1).max(200).default(50).meta({ title: '条数' }),
})

/** One row of the bulletin: the counts and the rates (defined in domain/metrics), for a department or the whole town. */
export interface BulletinRow extends Rates {
  departmentId: string | null
  name: string
  received: number
  resolved: number
  overdue: number
  /** 1 is best; null when it had nothing to rank on. */
  rank: number | null
  /** The targets it missed (响应率, 按期办结率, 满意率): named in the bulletin as lagging. */
  missed: string[]
  /** 不予受理, counted apart: all, under review by the 督查 office, upheld, sent back to be handled, objected to. */
  returns: { total: number; pending: number; upheld: number; overturned: number; objected: number }
  /** Withdrawn by the enterprise (撤回). */
  withdrawn: number
  /** 待补充: appeals whose clock paused, how many pauses, their total length in hours. */
  pauses: { appeals: number; count: number; hours: number }
  /** 差评 by the latest valid rating. */
  badRatings: number
  /** 整改 and 回访 of 差评: rectifications done or due, done in time; rectified, called back after. */
  rectification: { due: number; onTime: number; rectified: number; followedUp: number }
  /** 抽查回访 of 好评: picked, called, found given under pressure. */
  spotChecks: { picked: number; checked: number; pressured: number }
}

/** A 督办 of a lagging department for a month, and where it stands. */
export interface BulletinPress {
  departmentId: string
  month: string
  state: PressState
  reasons: string
  note: string
  pressedAt: number
  answer: string | null
  answeredAt: number | null
}

/** One department's part of the month beyond the appeal rates (domain/department-sections.ts). */
export interface DepartmentSections {
  departmentId: string
  name: string
  visits: Omit<VisitSection, 'roles'> & { roles: (VisitSection['roles'][number] & { label: string })[] }
  /** 一企一策 milestones of its enterprises due in the month: done, and not done past their day. */
  milestones: MilestoneCounts
  /** Key projects it answers for; `behindProjects` are those behind, to open. */
  projects: ProjectCounts & { behindProjects: { id: string; name: string }[] }
  /** Help from the ledger given in the month and confirmed by the enterprise. */
  help: { kind: string; label: string; enterprises: number; amount: number; text: string }[]
  indicators: IndicatorSection
  /** Why it is named lagging this month; empty when it is not. */
  lagging: string[]
  press: BulletinPress | null
}

/** 一月一通报: a month's figures for the town and each department, help delivered, and a summary. */
export interface Bulletin {
  month: string
  targets: { responseRate: number; onTimeRate: number; satisfactionRate: number }
  total: BulletinRow
  departments: BulletinRow[]
  help: { kind: string; label: string; enterprises: number; amount: number; text: string }[]
  summary: string
  /** Each department's sections, in the order of `departments`. */
  sections: DepartmentSections[]
}

/** 领导看板: the month's rates and their trend, the overdue list, and how the visits stand. */
export interface Dashboard {
  month: string
  targets: { responseRate: number; onTimeRate: number; satisfactionRate: number }
  total: BulletinRow
  departments: BulletinRow[]
  /** Per category, most appeals first (name is the category). */
  categories: BulletinRow[]
  /** The month's appeals by the week (Monday to Sunday, cut to the month) they were filed in. */
  /** label: the week's first day in the month (a chart's axis); days: its span, e.g. 3/30–3/31. */
  weeks: {
    label: string
    days: string
    received: number
    responseRate: number | null
    onTimeRate: number | null
    satisfactionRate: number | null
    resolutionRate: number | null
  }[]
  /** Open appeals past their deadline now, town-wide, the longest overdue first; when each was last pressed (督办). */
  overdue: { total: number; items: (AppealSummary & { supervisedAt: number | null })[] }
  /** This period's visits per role: enterprise visits made of those owed, and how many people are behind. */
  visits: { role: Role; label: string; periodLabel: string; covered: number; visited: number; people: number; peopleBehind: number }[]
  /** Enterprises nobody has visited this month. */
  unvisited: number
}

/** One component of a department's assessment: what it counted, its share, its weight and what it added. */
export interface AssessmentComponentView {
  component: Component
  label: string
  /** What the share counts, in words: [numerator, denominator]. */
  counts: [string, string]
  done: number
  due: number
  /** done ÷ due; null with nothing due (left out, the other weights scaled up). */
  rate: number | null
  weight: number
  effectiveWeight: number
  points: number
  /** The page listing what it counted (the appeals drill, or the assessment's own list). */
  link: string
}

/** 一季一督查 / 年终一考核: each department's score from its components and the configured weights. */
export interface Assessment {
  period: string
  label: string
  weights: AssessmentWeights
  /** Whether the weights are the town's (set in the app) or the host's configuration. */
  weightsSource: 'town' | 'host'
  departments: {
    departmentId: string
    name: string
    received: number
    responseRate: number | null
    onTimeRate: number | null
    satisfactionRate: number | null
    /** Out of 100; null with nothing to score. */
    score: number | null
    grade: string | null
    rank: number | null
    components: AssessmentComponentView[]
  }[]
}

/** A bulletin as a spreadsheet file, inline. */
export interface BulletinExport {
  fileName: string
  base64: string
}

/** The month's figures split one way, ranked; `departmentId` (on each row) is the key of the split. */
export interface Breakdown {
  month: string
  by: 'department' | 'officer' | 'category' | 'enterprise'
  departmentId: string | null
  rows: BulletinRow[]
  /** The month's 督办 of the department shown (a head's own), for its head to answer; null when none. */
  press: BulletinPress | null
}

/** 一月一通报、领导看板和考核 */
export const bulletinActions = {
  'bulletin.month': {
    summary: '一月一通报：某月全镇和各部门的响应率、按期办结率、满意率、解决率、排名和帮扶成效，不予受理、暂停计时、整改和回访另计',
    access: ['leader', 'admin'],
    input: bulletinInput,
    output: returns<Bulletin>(),
  },
  'bulletin.dashboard': {
    summary: '领导看板：某月三率与目标、按周/类别/部门的走势、超期清单和走访达标',
    access: ['leader', 'admin'],
    input: bulletinInput,
    output: returns<Dashboard>(),
  },
  'bulletin.appeals': {
    summary: '从看板或通报的某个数字下钻到它所统计的诉求',
    access: ['leader', 'admin'],
    input: drillInput,
    output: returns<Page<AppealSummary>>(),
  },
  'bulletin.breakdown': {
    summary: '某月按部门、承办人、类别或企业分项统计三率和件数（部门负责人看本部门）',
    access: ['dept_head', 'leader', 'admin'],
    input: breakdownInput,
    output: returns<Breakdown>(),
  },
  'bulletin.export': {
    summary: '导出某月通报为 Excel（.xlsx）',
    access: ['leader', 'admin'],
    input: bulletinInput,
    output: returns<BulletinExport>(),
  },
  'bulletin.press': {
    summary: '督办通报中滞后的部门：给部门负责人发消息，每个部门每月一次',
    access: ['leader', 'admin'],
    input: pressInput,
    output: returns<BulletinPress>(),
  },
  'bulletin.answerPress': {
    summary: '部门负责人反馈本部门某月通报督办的整改情况',
    access: ['dept_head'],
    input: answerPressInput,
    output: returns<BulletinPress>(),
  },
  'bulletin.assessment': {
    summary: '一季一督查、年终一考核：各部门按权重计分、排名和等次',
    access: ['leader', 'admin'],
    input: assessmentInput,
    output: returns<Assessment>(),
  },
} satisfies Area<'bulletin'>
