import { Button, TextArea } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import type { WarningState } from '../../../../cloud/domain/ledger/indicators'
import { WARNING_STATES } from '../../../../cloud/domain/ledger/indicators'
import { closeWarningInput } from '../../../../cloud/contract/warning'
import { callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { FieldMessage } from '../../../components/field'
import { PagePending } from '../../../components/page-state'
import { footMessage } from '../../../forms/validate'
import { useAction } from '../../../hooks/use-action'
import { useFormErrors } from '../../../hooks/use-form-errors'
import { pageClass } from '../../../hooks/use-care-mode'
import '../help-record/index.scss'

const STATE_IDS = Object.keys(WARNING_STATES) as WarningState[]

/**
 * 经营预警 (未诉先办): the enterprises I cover whose monthly figures fell, or whose industry is short
 * of orders. I visit, ask, and close the task with what I found.
 */
export default function WarningsPage() {
  const [state, setState] = useState<WarningState>('open')
  const { data, reload } = useAction('warning.list', { state, limit: 50 }, state)
  const [closing, setClosing] = useState<string>()
  const [note, setNote] = useState('')
  const checks = useFormErrors()
  const foot = footMessage(checks.errors, ['note'])

  const open = (id: string) => {
    setClosing(id)
    setNote('')
    checks.setErrors({})
  }
  const close = async (id: string) => {
    const done = await checks.submit(closeWarningInput, { id, note }, (checked) =>
      callApi('warning.close', checked, { silent: true }).then(() => true),
    )
    if (!done) return
    setClosing(undefined)
    setNote('')
    await reload()
  }

  return (
    <View className={pageClass('help-record')}>
      <Chips options={STATE_IDS} value={state} onChange={setState} label={(s) => WARNING_STATES[s]} />
      {!data && <PagePending inline rows={2} />}
      {data && data.items.length === 0 && <View className='bb-card bb-muted'>没有{WARNING_STATES[state]}的预警。</View>}
      {data?.items.map((w) => (
        <View key={w.id} className='bb-card'>
          <View className='bb-section-title'>{w.enterpriseName}</View>
          <View>
            {w.reasonLabel}：{w.detail}
          </View>
          {w.closeNote && <View className='bb-muted'>处置情况：{w.closeNote}</View>}
          {w.state === 'open' && closing !== w.id && (
            <Button size='small' onClick={() => open(w.id)}>
              走访后关闭
            </Button>
          )}
          {closing === w.id && (
            <>
              <TextArea
                value={note}
                onChange={checks.edited('note', setNote)}
                maxLength={200}
                rows={3}
                placeholder='走访了解到的情况和处置'
              />
              <FieldMessage error={checks.errors.note} />
              <FieldMessage error={foot} />
              <Button size='small' type='primary' loading={checks.busy} onClick={() => close(w.id)}>
                关闭预警
              </Button>
            </>
          )}
        </View>
      ))}
    </View>
  )
}
