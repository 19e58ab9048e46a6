import { Button, Input } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { COMPONENT_LABELS, COMPONENTS, type AssessmentWeights, type Component } from '../../../../cloud/domain/assessment'
import { callApi } from '../../../api/client'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'

/** 考核权重 for admins: one box per component; the server checks they sum to 1 and says which field is wrong. */
export function WeightsCard({ weights, onSaved }: { weights: AssessmentWeights; onSaved: () => Promise<void> }) {
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<Record<Component, string>>(
    () => Object.fromEntries(COMPONENTS.map((c) => [c, String(weights[c])])) as Record<Component, string>,
  )
  const { busy, error, run } = useSubmit()
  const sum = COMPONENTS.reduce((total, c) => total + (Number(draft[c]) || 0), 0)
  if (!open)
    return (
      <View className='bb-card' onClick={() => setOpen(true)}>
        调整考核权重 ›
      </View>
    )
  const save = async () => {
    const done = await run(() =>
      callApi('assessment.saveWeights', {
        weights: Object.fromEntries(COMPONENTS.map((c) => [c, Number(draft[c])])) as AssessmentWeights,
      }),
    )
    if (done) {
      setOpen(false)
      await onSaved()
    }
  }
  return (
    <View className='bb-card'>
      <View className='bb-section-title'>考核权重（合计须为 1）</View>
      {COMPONENTS.map((c) => (
        <Field key={c} label={COMPONENT_LABELS[c]}>
          <Input value={draft[c]} type='digit' onChange={(value) => setDraft({ ...draft, [c]: value })} />
        </Field>
      ))}
      <View className='bb-muted'>{`合计 ${Math.round(sum * 1000) / 1000}`}</View>
      {error && <View className='assessment__error'>{error}</View>}
      <Button type='primary' block loading={busy} onClick={save}>
        保存权重
      </Button>
    </View>
  )
}
