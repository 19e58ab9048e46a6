import { z } from 'zod'
import type { MilestoneStatus } from '../domain/plan'
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

export interface MilestoneView {
  id: string
  title: string
  dueOn: string
  doneAt: number | null
  note: string
  /** done, on track, due within 7 days, or overdue: a milestone is tracked like a deadline. */
  status: MilestoneStatus
}

/** 一企一策的节点 */
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
} satisfies Area<'plan'>
