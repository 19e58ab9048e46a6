import { z } from 'zod'
import type { GoalStatus, MilestoneStatus } from '../domain/plan'
import { type EnterpriseDossier } from './enterprise'
import { clientRequestId, day, id, optionalText, text } from './fields'
import { type Area, STAFF, returns } from './spec'

export const saveMilestoneInput = z.strictObject({
  /** A new milestone is made once per form, however often it is submitted. */
  clientRequestId,
  enterpriseId: id('企业'),
  /** Absent for a new milestone. */
  id: id('节点').optional(),
  title: text('节点内容', 60),
  dueOn: day('完成期限'),
})

export const completeMilestoneInput = z.strictObject({ id: id('节点'), note: optionalText('完成情况', 200) })

/** 一套班子, saved whole: the members in the order listed (an empty list clears it). */
export const setTeamInput = z.strictObject({
  enterpriseId: id('企业'),
  members: z
    .array(z.strictObject({ name: text('成员姓名', 20), duty: text('成员分工', 30) }))
    .max(12, '帮扶团队最多 12 人')
    .meta({ title: '帮扶团队成员' }),
})

const figure = (title: string) => z.number().min(0, `${title}不能为负数`).max(1e9, `${title}过大`).meta({ title })

export const saveGoalInput = z.strictObject({
  /** A new goal is made once per form, however often it is submitted. */
  clientRequestId,
  enterpriseId: id('企业'),
  /** Absent for a new goal. */
  id: id('目标').optional(),
  label: text('目标名称', 30),
  target: figure('目标值'),
  unit: text('单位', 10),
  dueOn: day('完成期限'),
})

export const reportGoalInput = z.strictObject({ id: id('目标'), actual: figure('当前完成值') })

export interface TeamMemberView {
  name: string
  duty: string
}

export interface GoalView {
  id: string
  label: string
  target: number
  unit: string
  dueOn: string
  actual: number | null
  reportedAt: number | null
  /** 0–1, capped; null before a figure is reported. */
  progress: number | null
  status: GoalStatus
}

export interface MilestoneView {
  id: string
  title: string
  dueOn: string
  doneAt: number | null
  note: string
  /** done, on track, due within 7 days, or overdue: a milestone is tracked like a deadline. */
  status: MilestoneStatus
}

/** 一企一策：方案的节点、帮扶团队与目标 */
export const planActions = {
  'plan.saveMilestone': {
    summary: '制定或修改一企一策的节点',
    access: ['dept_head', 'leader', 'admin'],
    input: saveMilestoneInput,
    output: returns<EnterpriseDossier>(),
  },
  'plan.completeMilestone': {
    summary: '标记一企一策的节点已完成',
    access: STAFF,
    input: completeMilestoneInput,
    output: returns<EnterpriseDossier>(),
  },
  'plan.setTeam': {
    summary: '设定企业的帮扶团队（一套班子）：成员姓名与分工',
    access: ['dept_head', 'leader', 'admin'],
    input: setTeamInput,
    output: returns<EnterpriseDossier>(),
  },
  'plan.saveGoal': {
    summary: '制定或修改企业的帮扶目标（一个目标）：指标、目标值与期限',
    access: ['dept_head', 'leader', 'admin'],
    input: saveGoalInput,
    output: returns<EnterpriseDossier>(),
  },
  'plan.reportGoal': {
    summary: '填报帮扶目标的当前完成值',
    access: STAFF,
    input: reportGoalInput,
    output: returns<EnterpriseDossier>(),
  },
} satisfies Area<'plan'>
