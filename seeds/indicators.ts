// 企业运行监测的演示数据（示例企业，数字虚构）：每家企业近 13 个月的经营数据，月份相对于写入种子的那一天。
// 多数企业已报上月，几家还没报（迟报名单有内容）；塑料制品行业上月有两家订单不足，再有一家报订单不足就会预警。
import type { SeedEnterprise } from '../cloud/store/seed-types'

/** How many months back the demo reaches: last month and the same month a year before it. */
export const DEMO_MONTHS = 13

/** Firms that have not yet reported last month. */
export const NOT_YET_REPORTED = ['ent-005', 'ent-013', 'ent-024', 'ent-034']

/** Firms short of orders last month: two of 塑料制品, one short of the three that open warnings. */
export const SHORT_LAST_MONTH = ['ent-006', 'ent-029']

/** A firm whose 产值 runs below last year's (by 12 %, inside the 20 % warning line). */
export const SLOWING = 'ent-021'

/** A typical month's 产值 (万元) and headcount by kind of firm. */
const SCALE: Record<string, { revenue: number; employees: number }> = {
  规上企业: { revenue: 1800, employees: 160 },
  小微企业: { revenue: 180, employees: 30 },
  物流企业: { revenue: 260, employees: 45 },
  个体工商户: { revenue: 12, employees: 3 },
}

/** 春节 falls in January or February: those months make less; the year's end makes more. */
const SEASON = [0.82, 0.78, 1, 1, 1.02, 1.04, 0.98, 0.97, 1.02, 1.04, 1.06, 1.12]

/** Industries that meter their power (用电 reported); the others leave it empty. */
const METERED = new Set(['药包材', '塑料制品', '玻璃制品', '化工', '建材', '新材料', '机械制造', '可降解材料', '食品'])

export interface DemoFigures {
  revenue: number
  employees: number
  tax: number
  orders: 'enough' | 'short'
  power: number | null
  situation: string
}

/**
 * One firm's figures for a month `monthsAgo` months before the current one (1 = last month), whose
 * calendar month is `calendarMonth` (1–12). Deterministic, so the demo reads the same every start.
 */
export function demoFigures(firm: SeedEnterprise, index: number, monthsAgo: number, calendarMonth: number): DemoFigures {
  const scale = SCALE[firm.kind] ?? SCALE['小微企业']
  // Firms of a kind differ in size: from 0.6 to 1.6 times the typical.
  const size = 0.6 + ((index * 37) % 11) / 10
  // Most grow about 6 % a year; the slowing one falls 12 %.
  const yearly = firm.id === SLOWING ? -0.12 : 0.06
  const trend = 1 + (yearly * (DEMO_MONTHS - monthsAgo)) / 12
  const revenue = Math.round(scale.revenue * size * SEASON[calendarMonth - 1] * trend * 10) / 10
  const short = monthsAgo === 1 && SHORT_LAST_MONTH.includes(firm.id)
  return {
    revenue,
    employees: Math.round(scale.employees * size * (firm.id === SLOWING ? 1 - (0.05 * (DEMO_MONTHS - monthsAgo)) / 12 : 1)),
    tax: Math.round(revenue * 0.035 * 10) / 10,
    orders: short ? 'short' : 'enough',
    power: METERED.has(firm.industry) ? Math.round(revenue * 0.02 * 10) / 10 : null,
    situation: short ? '新订单减少，部分产线轮休' : firm.id === SLOWING && monthsAgo <= 3 ? '下游工程开工少，产值回落' : '生产正常',
  }
}
