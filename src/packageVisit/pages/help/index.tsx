import { PagePending } from '../../../components/page-state'
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { disputeHelpInput } from '../../../../cloud/contract/help'
import type { HelpEntryState } from '../../../../cloud/domain/ledger/help-entry'
import { callApi } from '../../../api/client'
import { FieldMessage } from '../../../components/field'
import { footMessage } from '../../../forms/validate'
import { useAction } from '../../../hooks/use-action'
import { useFormErrors } from '../../../hooks/use-form-errors'
import { useSubmit } from '../../../hooks/use-submit'
import { pageClass } from '../../../hooks/use-care-mode'
import '../visit-pages.scss'

const STATE_COLOURS: Record<HelpEntryState, string> = {
  pending: 'var(--bb-warning)',
  confirmed: 'var(--bb-success)',
  disputed: 'var(--bb-danger)',
}

/**
 * 帮扶记录: the help staff recorded for my enterprise. I confirm what I received (确认收到), which
 * is what the town's figures count, or say what is wrong (有异议).
 */
export default function HelpPage() {
  const { data, reload } = useAction('help.list', { limit: 50 })
  const [disputing, setDisputing] = useState<string>()
  const { busy, error, run } = useSubmit()

  const confirm = async (id: string) => {
    if (await run(() => callApi('help.confirm', { id }))) await reload()
  }
  const disputed = async () => {
    setDisputing(undefined)
    await reload()
  }

  if (!data) return <PagePending />
  return (
    <View className={pageClass('visit-pages')}>
      <View className='bb-muted visit-pages__hint'>镇里为本企业提供的帮扶。请核对后确认收到；确认后的帮扶计入全镇帮扶成效。</View>
      <View className='visit-pages__gap' />
      {data.items.length === 0 && <View className='bb-card bb-muted'>还没有帮扶记录。</View>}
      {data.items.map((entry) => (
        <View key={entry.id} className='bb-card'>
          <View className='visit-pages__title'>{entry.text}</View>
          <View className='visit-pages__state'>
            <Tag plain round background={STATE_COLOURS[entry.state]}>
              {entry.stateLabel}
            </Tag>
          </View>
          <View className='visit-pages__row'>
            <View>日期</View>
            <View>{entry.givenOn}</View>
          </View>
          <View className='visit-pages__row'>
            <View>情况</View>
            <View>{entry.note}</View>
          </View>
          {entry.disputeReason && (
            <View className='visit-pages__row'>
              <View>异议</View>
              <View>{entry.disputeReason}</View>
            </View>
          )}
          {entry.state !== 'confirmed' && disputing !== entry.id && (
            <View className='visit-pages__buttons'>
              <Button size='small' type='primary' loading={busy} onClick={() => confirm(entry.id)}>
                确认收到
              </Button>
              {entry.state === 'pending' && (
                <Button size='small' onClick={() => setDisputing(entry.id)}>
                  有异议
                </Button>
              )}
            </View>
          )}
          {disputing === entry.id && <DisputeForm id={entry.id} onDone={disputed} onCancel={() => setDisputing(undefined)} />}
        </View>
      ))}
      {error && <View className='visit-pages__error'>{error}</View>}
    </View>
  )
}

/** 有异议: what is wrong with the record, asked for under its box when left empty. */
function DisputeForm({ id, onDone, onCancel }: { id: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const [reason, setReason] = useState('')
  const form = useFormErrors()
  const foot = footMessage(form.errors, ['reason'])
  const send = async () => {
    const done = await form.submit(disputeHelpInput, { id, reason }, (checked) => callApi('help.dispute', checked, { silent: true }))
    if (done) await onDone()
  }
  return (
    <>
      <TextArea
        value={reason}
        onChange={form.edited('reason', setReason)}
        maxLength={200}
        rows={3}
        placeholder='哪里不对？如金额、日期或没有收到'
      />
      <FieldMessage error={form.errors.reason} />
      <FieldMessage error={foot} />
      <View className='visit-pages__buttons'>
        <Button size='small' type='primary' loading={form.busy} onClick={send}>
          提交异议
        </Button>
        <Button size='small' onClick={onCancel}>
          取消
        </Button>
      </View>
    </>
  )
}
