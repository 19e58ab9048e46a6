import { z } from 'zod'
import { BREAKDOWNS, DRILL_MEASURES } from '../domain/metrics'
import { page } from './fields'

export const bulletinInput = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM').meta({ title: '月份' }),
})

export const drillInput = z.strictObject({
  month: bulletinInput.shape.month,
  /** Which figure's appeals: see DRILL_MEASURES. */
  measure: z.enum(DRILL_MEASURES, { error: '没有这项指标' }).meta({ title: '指标' }),
  departmentId: z.string().trim().min(1).max(64).optional().meta({ title: '部门' }),
  category: z.string().trim().min(1).max(20).optional().meta({ title: '诉求类别' }),
  ...page,
})

export const topicCandidatesInput = z.strictObject({ month: bulletinInput.shape.month })

export const assignTopicInput = z.strictObject({
  month: bulletinInput.shape.month,
  /** A candidate's key, as topic.candidates gives it. */
  key: z.string().trim().min(1, '请选择一项共性问题').max(120).meta({ title: '问题' }),
  /** The topic's name; the candidate's title if empty. */
  title: z.string().trim().max(40, '题目不能超过 40 个字').default('').meta({ title: '题目' }),
  departmentId: z.string().trim().min(1, '请选择牵头部门').max(64).meta({ title: '牵头部门' }),
  note: z.string().trim().max(300, '要求不能超过 300 个字').default('').meta({ title: '工作要求' }),
})

export const listTopicsInput = z.strictObject({ limit: z.number().int().min(1).max(24).default(6).meta({ title: '条数' }) })

export const assessmentInput = z.strictObject({
  /** 2026-Q4 for a quarter's inspection, 2026 for the year's assessment. */
  period: z.string().regex(/^\d{4}(-Q[1-4])?$/, '请写季度（如 2026-Q4）或年份（如 2026）').meta({ title: '考核期' }),
})

export const breakdownInput = z.strictObject({
  month: bulletinInput.shape.month,
  by: z.enum(BREAKDOWNS, { error: '请选择按部门、承办人、类别或企业统计' }).meta({ title: '统计维度' }),
  /** Leaders and admins may narrow to one department; a head always sees their own. */
  departmentId: z.string().trim().min(1).max(64).optional().meta({ title: '部门' }),
  limit: z.number().int().min(1).max(200).default(50).meta({ title: '条数' }),
})
