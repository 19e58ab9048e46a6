import { z } from 'zod'
import { COMPONENT_LABELS, COMPONENTS, weightsSumProblem, type AssessmentWeights, type Component } from '../domain/assessment'
import { empty, id } from './fields'
import { assessmentInput } from './bulletin'
import { type Area, returns } from './spec'

const weight = (component: Component) =>
  z
    .number({ error: `请填写${COMPONENT_LABELS[component]}的权重` })
    .min(0, `${COMPONENT_LABELS[component]}的权重不能为负数`)
    .max(1, `${COMPONENT_LABELS[component]}的权重不能超过 1`)
    .meta({ title: `${COMPONENT_LABELS[component]}权重` })

export const saveWeightsInput = z.strictObject({
  weights: z
    .strictObject(Object.fromEntries(COMPONENTS.map((c) => [c, weight(c)])) as Record<Component, ReturnType<typeof weight>>)
    .superRefine((weights, ctx) => {
      const problem = weightsSumProblem(weights)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
    .meta({ title: '各项权重' }),
})

export const assessmentItemsInput = assessmentInput.extend({
  departmentId: id('部门'),
  component: z.enum(COMPONENTS, { error: '没有这项考核指标' }).meta({ title: '考核指标' }),
})

/** What one figure of the assessment counted, each named: the drill behind the non-appeal components. */
export interface AssessmentItems {
  period: string
  departmentName: string
  component: Component
  label: string
  done: number
  due: number
  items: { label: string; done: boolean }[]
}

/** 年终一考核's configuration: the weights of the components. */
export const assessmentActions = {
  'assessment.weights': {
    summary: '考核权重（全镇设置，缺省时用部署配置）',
    access: ['leader', 'admin'],
    input: empty,
    output: returns<{ weights: AssessmentWeights; source: 'town' | 'host' }>(),
  },
  'assessment.saveWeights': {
    summary: '修改考核各项权重（合计须为 1），立即生效',
    access: ['admin'],
    input: saveWeightsInput,
    output: returns<{ weights: AssessmentWeights; source: 'town' | 'host' }>(),
  },
  'assessment.items': {
    summary: '考核某项得分所计的明细（走访、节点、项目、帮扶、督查问题）',
    access: ['leader', 'admin'],
    input: assessmentItemsInput,
    output: returns<AssessmentItems>(),
  },
} satisfies Area<'assessment'>
