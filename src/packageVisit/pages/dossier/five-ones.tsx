import { Button, Input, Progress, Tag } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { EnterpriseDossier, GoalView, TeamMemberView } from '../../../../cloud/contract'
import { reportGoalInput, saveGoalInput } from '../../../../cloud/contract/plan'
import { callApi } from '../../../api/client'
import { Field, FieldMessage } from '../../../components/field'
import { footMessage } from '../../../forms/validate'
import { useFormErrors } from '../../../hooks/use-form-errors'
import { useRequestId } from '../../../hooks/use-request-id'
import { useSubmit } from '../../../hooks/use-submit'
import { beijing } from '../../../utils/time'

const GOAL_TAGS: Record<GoalView['status'], { label: string; color: string }> = {
  met: { label: '已达成', color: 'var(--bb-success)' },
  open: { label: '推进中', color: 'var(--bb-primary)' },
  due_soon: { label: '临期', color: 'var(--bb-warning)' },
  overdue: { label: '已逾期', color: 'var(--bb-danger)' },
}

const figure = (value: number) => Number(value.toFixed(2)).toString()
/** A typed number, or nothing when the box is empty (the schema then asks for it). */
const typed = (value: string) => (value.trim() === '' ? undefined : Number(value))

/** 一套班子: the team's members and duties; those who keep the plan edit the list and save it whole. */
export function TeamCard({ file, onSaved }: { file: EnterpriseDossier; onSaved: () => void }) {
  const [editing, setEditing] = useState<TeamMemberView[] | null>(null)
  const submit = useSubmit()
  const save = async () => {
    if (!editing) return
    const members = editing.filter((m) => m.name.trim() || m.duty.trim())
    if (await submit.run(() => callApi('plan.setTeam', { enterpriseId: file.enterprise.id, members }))) {
      setEditing(null)
      onSaved()
    }
  }
  const change = (index: number, patch: Partial<TeamMemberView>) =>
    setEditing((rows) => rows && rows.map((row, i) => (i === index ? { ...row, ...patch } : row)))

  return (
    <View className='bb-card'>
      <View className='bb-section-title'>一套班子{file.team ? `（${file.team}）` : ''}</View>
      {!editing && file.teamMembers.length === 0 && <View className='bb-muted'>尚未确定帮扶团队成员。</View>}
      {!editing &&
        file.teamMembers.map((m, i) => (
          <View key={i} className='visit-pages__row'>
            <View>{m.duty}</View>
            <View>{m.name}</View>
          </View>
        ))}
      {editing && (
        <>
          {editing.map((m, i) => (
            <View key={i} className='file__member'>
              <Field label={`成员 ${i + 1}`}>
                <Input value={m.name} maxLength={20} placeholder='姓名' onChange={(name) => change(i, { name })} />
              </Field>
              <Field label='分工'>
                <Input value={m.duty} maxLength={30} placeholder='如：组长、联络员' onChange={(duty) => change(i, { duty })} />
              </Field>
              <Button size='small' fill='none' onClick={() => setEditing(editing.filter((_, j) => j !== i))}>
                移除
              </Button>
            </View>
          ))}
          {editing.length < 12 && (
            <Button size='small' fill='outline' onClick={() => setEditing([...editing, { name: '', duty: '' }])}>
              添加成员
            </Button>
          )}
          {submit.error && <View className='visit-pages__error visit-pages__hint'>{submit.error}</View>}
          <View className='visit-pages__buttons visit-pages__hint'>
            <Button type='primary' loading={submit.busy} onClick={save}>
              保存团队
            </Button>
            <Button fill='outline' onClick={() => setEditing(null)}>
              取消
            </Button>
          </View>
        </>
      )}
      {file.canManage && !editing && (
        <Button
          size='small'
          fill='outline'
          onClick={() => setEditing(file.teamMembers.length ? file.teamMembers : [{ name: '', duty: '组长' }])}
        >
          编辑团队
        </Button>
      )}
    </View>
  )
}

/** 一个目标: figures with a day each is due, how far each has come; staff report, planners add. */
export function GoalsCard({ file, staff, onSaved }: { file: EnterpriseDossier; staff: boolean; onSaved: () => void }) {
  const [reporting, setReporting] = useState<{ id: string; actual: string } | null>(null)
  const [draft, setDraft] = useState({ label: '', target: '', unit: '', dueOn: beijing().endOf('year').format('YYYY-MM-DD') })
  const [requestId, renewRequestId] = useRequestId()
  // Two forms, each with its own messages: the figure reported, and a new goal.
  const reportForm = useFormErrors()
  const addForm = useFormErrors()
  const edit = (change: Partial<typeof draft>) => {
    setDraft({ ...draft, ...change })
    addForm.clear(...Object.keys(change))
  }
  const done = () => {
    setReporting(null)
    setDraft((d) => ({ ...d, label: '', target: '', unit: '' }))
    renewRequestId()
    onSaved()
  }
  const report = async () => {
    if (!reporting) return
    const values = { id: reporting.id, actual: typed(reporting.actual) }
    if (await reportForm.submit(reportGoalInput, values, (checked) => callApi('plan.reportGoal', checked, { silent: true }))) done()
  }
  const add = async () => {
    const payload = {
      clientRequestId: requestId,
      enterpriseId: file.enterprise.id,
      label: draft.label,
      target: typed(draft.target),
      unit: draft.unit,
      dueOn: draft.dueOn,
    }
    if (await addForm.submit(saveGoalInput, payload, (checked) => callApi('plan.saveGoal', checked, { silent: true }))) done()
  }
  const foot = footMessage(reportForm.errors, ['actual']) ?? footMessage(addForm.errors, ['label', 'target', 'unit', 'dueOn'])

  return (
    <View className='bb-card'>
      <View className='bb-section-title'>一个目标</View>
      {file.goals.length === 0 && <View className='bb-muted'>尚未制定目标。</View>}
      {file.goals.map((g) => (
        <View key={g.id} className='file__goal'>
          <View className='file__milestone-row'>
            <Tag plain round background={GOAL_TAGS[g.status].color}>
              {GOAL_TAGS[g.status].label}
            </Tag>
            <View className='file__milestone'>
              {g.label}：{g.actual === null ? '—' : figure(g.actual)} / {figure(g.target)} {g.unit}
              <View className='bb-muted'>{g.dueOn} 前达成</View>
            </View>
            {staff && reporting?.id !== g.id && (
              <Button
                size='small'
                onClick={() => {
                  setReporting({ id: g.id, actual: g.actual === null ? '' : String(g.actual) })
                  reportForm.setErrors({})
                }}
              >
                填报
              </Button>
            )}
          </View>
          {g.progress !== null && <Progress percent={Math.round(g.progress * 100)} color={GOAL_TAGS[g.status].color} />}
          {reporting?.id === g.id && (
            <View className='visit-pages__buttons visit-pages__hint'>
              <Field label={`当前（${g.unit}）`} error={reportForm.errors.actual}>
                <Input
                  type='digit'
                  placeholder='当前完成值'
                  value={reporting.actual}
                  onChange={(actual) => {
                    setReporting({ id: g.id, actual })
                    reportForm.clear('actual')
                  }}
                />
              </Field>
              <Button size='small' type='primary' loading={reportForm.busy} onClick={report}>
                保存
              </Button>
            </View>
          )}
        </View>
      ))}
      {file.canManage && (
        <>
          <View className='bb-section-title visit-pages__label'>新增目标</View>
          <Field label='指标' error={addForm.errors.label}>
            <Input value={draft.label} maxLength={30} placeholder='如：年产值' onChange={(label) => edit({ label })} />
          </Field>
          <Field label='目标值' error={addForm.errors.target}>
            <Input type='digit' value={draft.target} placeholder='如：5' onChange={(target) => edit({ target })} />
          </Field>
          <Field label='单位' error={addForm.errors.unit}>
            <Input value={draft.unit} maxLength={10} placeholder='如：亿元、人' onChange={(unit) => edit({ unit })} />
          </Field>
          <Field label='期限' error={addForm.errors.dueOn}>
            <Picker mode='date' value={draft.dueOn} onChange={(e) => edit({ dueOn: String(e.detail.value) })}>
              <Text>{draft.dueOn}</Text>
            </Picker>
          </Field>
          <Button size='small' type='primary' loading={addForm.busy} onClick={add}>
            添加目标
          </Button>
        </>
      )}
      <FieldMessage error={foot} />
    </View>
  )
}
