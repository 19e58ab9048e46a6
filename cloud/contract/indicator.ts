import { z } from 'zod'
import { ORDER_STATES, type OrderState } from '../domain/ledger/indicators'
import { id, month, optionalText } from './fields'
import { type Area, returns } from './spec'

const ORDER_IDS = Object.keys(ORDER_STATES) as OrderState[]
const amount = (title: string) =>
  z
    .number({ error: `请填写${title}` })
    .min(0, `${title}不能为负数`)
    .max(100_000_000, `${title}超出范围`)
    .meta({ title })

export const reportIndicatorsInput = z.strictObject({
  /** An owner reports for their own enterprise; the covering officer names it. */
  enterpriseId: id('企业').optional(),
  month,
  revenue: amount('营业收入/产值（万元）'),
  employees: z
    .number({ error: '请填写用工人数' })
    .int('用工人数应为整数')
    .min(0, '用工人数不能为负数')
    .max(1_000_000)
    .meta({ title: '用工人数' }),
  tax: amount('纳税（万元）'),
  orders: z.enum(ORDER_IDS, { error: '请选择订单情况' }).meta({ title: '订单情况' }),
  power: amount('用电（万千瓦时）').nullable().optional(),
  situation: optionalText('经营状况', 60),
})

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

export interface IndicatorReportView {
  enterpriseId: string
  month: string
  revenue: number
  employees: number
  tax: number
  orders: OrderState
  ordersLabel: string
  power: number | null
  situation: string
  updatedAt: number
  /** 产值 against the same month last year, percent fallen (negative: grown); null with nothing to compare. */
  revenueDrop: number | null
}

export interface IndicatorGroupView {
  group: string
  firms: number
  revenue: number
  employees: number
  tax: number
  shortOrders: number
  /** The group's 产值 last year's month, of the firms that reported then. */
  revenueLastYear: number
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
    output: returns<{ enterpriseId: string; enterpriseName: string; reports: IndicatorReportView[] }>(),
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
} satisfies Area<'indicator'>
