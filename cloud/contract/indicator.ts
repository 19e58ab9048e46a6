import { z } from 'zod'
import {
  askedFiguresProblem,
  FIGURE_LABELS,
  FIGURE_MODES,
  FIGURES,
  missingFigures,
  type AskedFigures,
  type FigureMode,
} from '../domain/ledger/indicator-figures'
import { ORDER_STATES, type OrderState } from '../domain/ledger/indicators'
import { empty, id, month, optionalText, readsFields } from './fields'
import { type Area, returns } from './spec'

const ORDER_IDS = Object.keys(ORDER_STATES) as OrderState[]
const amount = (title: string) =>
  z
    .number({ error: `请填写${title}` })
    .min(0, `${title}不能为负数`)
    .max(100_000_000, `${title}超出范围`)
    .meta({ title })

/**
 * A month's figures. Each may be left out here: which of them a town asks for is its setting
 * (indicator-figures.ts), checked by reportIndicatorsFor, which the form and the action both use.
 */
export const reportIndicatorsInput = z.strictObject({
  /** An owner reports for their own enterprise; the covering officer names it. */
  enterpriseId: id('企业').optional(),
  month,
  revenue: amount(FIGURE_LABELS.revenue).nullable().optional(),
  employees: z
    .number({ error: '请填写用工人数' })
    .int('用工人数应为整数')
    .min(0, '用工人数不能为负数')
    .max(1_000_000)
    .meta({ title: FIGURE_LABELS.employees })
    .nullable()
    .optional(),
  tax: amount(FIGURE_LABELS.tax).nullable().optional(),
  orders: z.enum(ORDER_IDS, { error: '请选择订单情况' }).meta({ title: FIGURE_LABELS.orders }).nullable().optional(),
  power: amount(FIGURE_LABELS.power).nullable().optional(),
  situation: optionalText('经营状况', 60),
})

/** The report as a town asks for it: each required figure missing is named under its field. */
export function reportIndicatorsFor(asked: AskedFigures) {
  // Shown with the other fields' messages: a missing figure is no other field's problem.
  return reportIndicatorsInput.superRefine((report, ctx) => {
    for (const figure of missingFigures(asked, report))
      ctx.addIssue({ code: 'custom', path: [figure], message: figure === 'orders' ? '请选择订单情况' : `请填写${FIGURE_LABELS[figure]}` })
  }, readsFields())
}

const FIGURE_MODE_IDS = Object.keys(FIGURE_MODES) as FigureMode[]
const figureMode = (figure: (typeof FIGURES)[number]) =>
  z.enum(FIGURE_MODE_IDS, { error: `请选择${FIGURE_LABELS[figure]}是否填报` }).meta({ title: FIGURE_LABELS[figure], choice: true })

export const saveFiguresInput = z
  .strictObject(
    Object.fromEntries(FIGURES.map((f) => [f, figureMode(f)])) as Record<(typeof FIGURES)[number], ReturnType<typeof figureMode>>,
  )
  .superRefine(
    (asked, ctx) => {
      const problem = askedFiguresProblem(asked)
      if (problem) ctx.addIssue({ code: 'custom', path: ['revenue'], message: problem })
    },
    readsFields(...FIGURES),
  )

export const listIndicatorsInput = z.strictObject({
  enterpriseId: id('企业').optional(),
  /** The last month of the trend; the trend covers the 12 months up to it. */
  month,
})

export const townIndicatorsInput = z.strictObject({
  month,
  by: z.enum(['industry', 'park']).default('industry').meta({ title: '分组' }),
})

export const lateIndicatorsInput = z.strictObject({ month })

/** The firms that have not reported a month's figures (迟报名单), within what the caller covers. */
export interface LateIndicators {
  month: string
  /** Whether the month is over: before that, the list is of firms yet to report, not late ones. */
  over: boolean
  /** When the month-end reminder goes out (or went out). */
  remindFrom: number
  firms: { enterpriseId: string; name: string; officerName: string | null; departmentName: string | null; reminded: boolean }[]
}

/** A figure the town did not ask for that month (or that was left out where optional) is null. */
export interface IndicatorReportView {
  enterpriseId: string
  month: string
  revenue: number | null
  employees: number | null
  tax: number | null
  orders: OrderState | null
  ordersLabel: string | null
  power: number | null
  situation: string
  updatedAt: number
  /** 产值 against the same month last year, percent fallen (negative: grown); null with nothing to compare. */
  revenueDrop: number | null
}

/** A group's month. A sum is null where none of its firms gave that figure (the town may not ask for it). */
export interface IndicatorGroupView {
  /** The industry or park; empty for firms without one. */
  group: string
  /** Firms that reported the month. */
  firms: number
  revenue: number | null
  employees: number | null
  tax: number | null
  shortOrders: number | null
  /** 产值 like for like: this month and the same month last year, over the firms that gave both. */
  revenueComparable: number | null
  revenueComparableLastYear: number | null
}

/** 企业运行监测 */
export const indicatorActions = {
  'indicator.report': {
    summary: '填报本月经营数据（当月及次月可修改）',
    access: ['owner', 'officer'],
    input: reportIndicatorsInput,
    output: returns<{ report: IndicatorReportView; warningOpened: boolean }>(),
  },
  'indicator.list': {
    summary: '企业经营数据走势（近 12 个月）',
    access: ['owner', 'officer', 'dept_head', 'leader', 'admin'],
    input: listIndicatorsInput,
    /** `asked`: the figures the town asks for now, which the form shows. */
    output: returns<{ enterpriseId: string; enterpriseName: string; asked: AskedFigures; reports: IndicatorReportView[] }>(),
  },
  'indicator.late': {
    summary: '某月未填报经营数据的企业（迟报名单，按包联范围）',
    access: ['officer', 'dept_head', 'leader', 'admin'],
    input: lateIndicatorsInput,
    output: returns<LateIndicators>(),
  },
  'indicator.town': {
    summary: '全镇经营数据：按行业或园区汇总',
    access: ['leader', 'admin'],
    input: townIndicatorsInput,
    output: returns<{ month: string; by: 'industry' | 'park'; groups: IndicatorGroupView[] }>(),
  },
  'indicator.figures': {
    summary: '经营数据填报项：每项必填、选填或不填报',
    access: ['owner', 'officer', 'dept_head', 'leader', 'admin'],
    input: empty,
    output: returns<AskedFigures>(),
  },
  'indicator.saveFigures': {
    summary: '修改经营数据填报项，对此后的填报生效',
    access: ['admin'],
    input: saveFiguresInput,
    output: returns<AskedFigures>(),
  },
} satisfies Area<'indicator'>
