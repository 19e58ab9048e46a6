import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { raiseProblemInput, reportProgressInput, saveProjectMilestoneInput } from '../../../../cloud/contract/project'
import type { AppealCategory } from '../../../../cloud/domain/appeal/categories'
import { APPEAL_CATEGORIES } from '../../../../cloud/domain/appeal/categories'
import { callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { Field, FieldMessage } from '../../../components/field'
import { footMessage } from '../../../forms/validate'
import { useFormErrors } from '../../../hooks/use-form-errors'
import { useRequestId } from '../../../hooks/use-request-id'

/**
 * The project page's three forms, each checked with its action's schema and showing its problems
 * under its own fields: a milestone (leaders and admins), the month's 形象进度 and 反映问题 (those
 * who report on it). `onDone` reloads the project.
 */
interface FormProps {
  projectId: string
  onDone: () => Promise<void>
}

async function saved(onDone: () => Promise<void>, toast: string) {
  void Taro.showToast({ title: toast, icon: 'none' })
  await onDone()
}

export function MilestoneForm({ projectId, onDone, today }: FormProps & { today: string }) {
  const [title, setTitle] = useState('')
  const [plannedOn, setPlannedOn] = useState(today)
  const [requestId, renewRequestId] = useRequestId()
  const form = useFormErrors()
  const add = async () => {
    const values = { clientRequestId: requestId, projectId, title, plannedOn }
    const done = await form.submit(saveProjectMilestoneInput, values, (checked) =>
      callApi('project.saveMilestone', checked, { silent: true }),
    )
    if (!done) return
    renewRequestId()
    setTitle('')
    await saved(onDone, '已添加节点')
  }
  return (
    <>
      <Field label='节点' error={form.errors.title}>
        <Input value={title} onChange={form.edited('title', setTitle)} maxLength={40} placeholder='如：取得施工许可' />
      </Field>
      <Field label='计划完成' error={form.errors.plannedOn}>
        <Picker
          mode='date'
          value={plannedOn}
          onChange={(e) => {
            setPlannedOn(String(e.detail.value))
            form.clear('plannedOn')
          }}
        >
          <View>{plannedOn}</View>
        </Picker>
      </Field>
      <FieldMessage error={footMessage(form.errors, ['title', 'plannedOn'])} />
      <Button size='small' loading={form.busy} onClick={add}>
        添加节点
      </Button>
    </>
  )
}

export function ProgressForm({ projectId, onDone, month }: FormProps & { month: string }) {
  const [note, setNote] = useState('')
  const form = useFormErrors()
  const report = async () => {
    const values = { projectId, month, note, uploadIds: [] }
    const done = await form.submit(reportProgressInput, values, (checked) => callApi('project.reportProgress', checked, { silent: true }))
    if (!done) return
    setNote('')
    await saved(onDone, '已填报形象进度')
  }
  return (
    <>
      <Field label='月份'>
        <Text>{month}</Text>
      </Field>
      <TextArea
        value={note}
        onChange={form.edited('note', setNote)}
        maxLength={500}
        rows={3}
        placeholder='本月形象进度，如“主体结构完成至三层”'
      />
      <FieldMessage error={form.errors.note} />
      <FieldMessage error={footMessage(form.errors, ['note'])} />
      <Button size='small' type='primary' loading={form.busy} onClick={report}>
        填报本月进度
      </Button>
    </>
  )
}

export function ProblemForm({ projectId, onDone }: FormProps) {
  const [category, setCategory] = useState<AppealCategory>()
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [requestId, renewRequestId] = useRequestId()
  const form = useFormErrors()
  const raise = async () => {
    const values = { clientRequestId: requestId, projectId, category, title, description, urgency: 'normal' }
    const done = await form.submit(raiseProblemInput, values, (checked) => callApi('project.raiseProblem', checked, { silent: true }))
    if (!done) return
    renewRequestId()
    setCategory(undefined)
    setTitle('')
    setDescription('')
    await saved(onDone, '问题已登记为诉求')
  }
  return (
    <>
      <View className='bb-section-title'>反映问题</View>
      <Chips options={APPEAL_CATEGORIES} value={category} onChange={form.edited('category', setCategory)} />
      <FieldMessage error={form.errors.category} />
      <Field label='问题' error={form.errors.title}>
        <Input value={title} onChange={form.edited('title', setTitle)} maxLength={40} placeholder='一句话说明问题' />
      </Field>
      <TextArea
        value={description}
        onChange={form.edited('description', setDescription)}
        maxLength={1000}
        rows={4}
        placeholder='问题的具体情况，至少 10 个字'
      />
      <FieldMessage error={form.errors.description} />
      <FieldMessage error={footMessage(form.errors, ['category', 'title', 'description'])} />
      <Button size='small' type='primary' loading={form.busy} onClick={raise}>
        登记为诉求
      </Button>
    </>
  )
}
