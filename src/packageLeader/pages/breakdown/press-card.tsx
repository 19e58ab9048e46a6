import { Button, TextArea } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { BulletinPress } from '../../../../cloud/contract'
import { answerPressInput } from '../../../../cloud/contract/bulletin'
import { PRESS_STATES } from '../../../../cloud/domain/department-sections'
import { callApi } from '../../../api/client'
import { FieldMessage } from '../../../components/field'
import { footMessage } from '../../../forms/validate'
import { useFormErrors } from '../../../hooks/use-form-errors'
import { formatMoment } from '../../../utils/time'

/**
 * The month's 督办 of my department (一月一通报 named it lagging): why, and — for its head — the
 * answer on what was put right, given once; the leader who pressed is told.
 */
export function PressCard({ press, canAnswer, onAnswered }: { press: BulletinPress; canAnswer: boolean; onAnswered: () => Promise<void> }) {
  const [answer, setAnswer] = useState('')
  const form = useFormErrors()
  const foot = footMessage(form.errors, ['answer'])

  const send = async () => {
    const done = await form.submit(answerPressInput, { month: press.month, answer }, (checked) =>
      callApi('bulletin.answerPress', checked, { silent: true }),
    )
    if (!done) return
    void Taro.showToast({ title: '已反馈', icon: 'success' })
    await onAnswered()
  }

  return (
    <View className='bb-card press-card' role='region' aria-label='通报督办'>
      <View className='bb-section-title'>通报督办 · {PRESS_STATES[press.state]}</View>
      <View>滞后项：{press.reasons}</View>
      {press.note && <View>督办说明：{press.note}</View>}
      <View className='bb-muted'>督办于 {formatMoment(press.pressedAt, Date.now())}</View>
      {press.state === 'answered' ? (
        <View className='press-card__answer'>
          <View>整改反馈：{press.answer}</View>
          {press.answeredAt && <View className='bb-muted'>反馈于 {formatMoment(press.answeredAt, Date.now())}</View>}
        </View>
      ) : (
        canAnswer && (
          <>
            <TextArea
              value={answer}
              onChange={form.edited('answer', setAnswer)}
              maxLength={500}
              rows={3}
              placeholder='整改了什么、到哪一步，如“已补走访 6 家，项目节点已调度”'
            />
            <FieldMessage error={form.errors.answer} />
            <FieldMessage error={foot} />
            <Button type='primary' block loading={form.busy} onClick={send}>
              提交整改反馈
            </Button>
          </>
        )
      )}
    </View>
  )
}
