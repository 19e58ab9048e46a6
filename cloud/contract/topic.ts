import { z } from 'zod'
import { type Area, STAFF, returns } from './spec'
import { month } from './fields'

export const topicCandidatesInput = z.strictObject({ month })

export const assignTopicInput = z.strictObject({
  month,
  /** A candidate's key, as topic.candidates gives it. */
  key: z.string().trim().min(1, '请选择一项共性问题').max(120).meta({ title: '问题' }),
  /** The topic's name; the candidate's title if empty. */
  title: z.string().trim().max(40, '题目不能超过 40 个字').default('').meta({ title: '题目' }),
  departmentId: z.string().trim().min(1, '请选择牵头部门').max(64).meta({ title: '牵头部门' }),
  note: z.string().trim().max(300, '要求不能超过 300 个字').default('').meta({ title: '工作要求' }),
})

export const listTopicsInput = z.strictObject({ limit: z.number().int().min(1).max(24).default(6).meta({ title: '条数' }) })

/** A shared problem of the month that could become its 每月一题. */
export interface TopicCandidate {
  /** group:<lead appeal id> for a linked group, category:<category>|<department id> for a hot spot. */
  key: string
  title: string
  category: string
  department: { id: string; name: string } | null
  appeals: number
  open: number
  enterpriseCount: number
  /** Up to ten of the enterprises it touches. */
  enterprises: string[]
  /** Already linked by staff into one group (问题汇聚). */
  linked: boolean
}

export interface MonthlyTopic {
  id: string
  month: string
  title: string
  category: string
  /** The task force's lead department. */
  department: { id: string; name: string }
  leadAppealId: string | null
  note: string
  dueOn: string
  appeals: number
  open: number
  /** done once none of its appeals is open; overdue past its day. */
  state: 'open' | 'overdue' | 'done'
}

/** 每月一题 */
export const topicActions = {
  'topic.candidates': {
    summary: '每月一题：本月涉及企业最多的共性问题（问题汇聚的并案组和同类热点）',
    access: ['leader', 'admin'],
    input: topicCandidatesInput,
    output: returns<TopicCandidate[]>(),
  },
  'topic.assign': {
    summary: '把一项共性问题定为本月“每月一题”，交牵头部门组建专班办理',
    access: ['leader', 'admin'],
    input: assignTopicInput,
    output: returns<MonthlyTopic>(),
  },
  'topic.list': { summary: '历月“每月一题”及其办理进度', access: STAFF, input: listTopicsInput, output: returns<MonthlyTopic[]>() },
} satisfies Area<'topic'>
