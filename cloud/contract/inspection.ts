import { z } from 'zod'
import type { FindingMove, FindingState } from '../domain/inspection'
import { clientRequestId, day, id, text, version } from './fields'
import { type Area, returns } from './spec'

const quarter = z
  .string()
  .regex(/^20\d{2}-Q[1-4]$/, '请写季度，如 2026-Q4')
  .meta({ title: '督查季度' })

export const recordInspectionInput = z.strictObject({
  /** One inspection per form, however often it is submitted. */
  clientRequestId,
  departmentId: id('被督查部门'),
  period: quarter,
  inspectedOn: day('督查日期'),
  summary: text('督查情况', 500),
  findings: z
    .array(text('发现问题', 300), { error: '请填写发现的问题' })
    .min(1, '请至少填写一条发现的问题')
    .max(20, '一次督查最多记录 20 条问题')
    .meta({ title: '发现问题' }),
})

export const listInspectionsInput = z.strictObject({
  period: quarter.optional(),
  /** Leaders and the 督查 office may narrow to one department; a head always sees their own. */
  departmentId: id('部门').optional(),
})

export const listFindingsInput = z.strictObject({
  /** Only the findings not yet closed (销号). */
  open: z.boolean().default(true).meta({ title: '只看未销号' }),
  departmentId: id('部门').optional(),
  period: quarter.optional(),
})

export const answerFindingInput = z.strictObject({ id: id('督查问题'), version, answer: text('整改情况', 500) })
export const closeFindingInput = z.strictObject({ id: id('督查问题'), version })
export const returnFindingInput = z.strictObject({ id: id('督查问题'), version, note: text('退回原因', 300) })

export interface FindingView {
  id: string
  inspectionId: string
  departmentId: string
  departmentName: string
  period: string
  seq: number
  text: string
  state: FindingState
  stateLabel: string
  dueAt: number
  overdue: boolean
  answer: string | null
  answeredAt: number | null
  returnNote: string | null
  closedAt: number | null
  version: number
  /** What the caller may do now. */
  moves: FindingMove[]
}

export interface InspectionView {
  id: string
  departmentId: string
  departmentName: string
  period: string
  inspectedOn: string
  summary: string
  inspectorName: string
  createdAt: number
  findings: FindingView[]
}

/** 一季一督查 */
export const inspectionActions = {
  'inspection.record': {
    summary: '记录对某部门的季度督查及发现的问题（部门负责人收到整改通知）',
    access: ['leader', 'admin'],
    input: recordInspectionInput,
    output: returns<InspectionView>(),
  },
  'inspection.list': {
    summary: '督查记录：按季度、按部门（部门负责人看本部门）',
    access: ['dept_head', 'leader', 'admin'],
    input: listInspectionsInput,
    output: returns<{ inspections: InspectionView[] }>(),
  },
  'inspection.findings': {
    summary: '督查问题清单（默认只看未销号；部门负责人看本部门）',
    access: ['dept_head', 'leader', 'admin'],
    input: listFindingsInput,
    output: returns<{ findings: FindingView[] }>(),
  },
  'inspection.answer': {
    summary: '部门负责人反馈整改情况',
    access: ['dept_head'],
    input: answerFindingInput,
    output: returns<FindingView>(),
  },
  'inspection.close': {
    summary: '督查人销号',
    access: ['leader', 'admin'],
    input: closeFindingInput,
    output: returns<FindingView>(),
  },
  'inspection.return': {
    summary: '督查人退回重改（说明原因）',
    access: ['leader', 'admin'],
    input: returnFindingInput,
    output: returns<FindingView>(),
  },
} satisfies Area<'inspection'>
