import { PagePending } from '../../../components/page-state'
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import type { HelpEntryState } from '../../../../cloud/domain/ledger/help-entry'
import { callApi } from '../../../api/client'
import { useAction } from '../../../hooks/use-action'
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
  const [reason, setReason] = useState('')
  const { busy, error, run } = useSubmit()

  const answer = async (work: () => Promise<unknown>) => {
    if (!(await run(work))) return
    setDisputing(undefined)
    setReason('')
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
              <Button size='small' type='primary' loading={busy} onClick={() => answer(() => callApi('help.confirm', { id: entry.id }))}>
                确认收到
              </Button>
              {entry.state === 'pending' && (
                <Button size='small' onClick={() => setDisputing(entry.id)}>
                  有异议
                </Button>
              )}
            </View>
          )}
          {disputing === entry.id && (
            <>
              <TextArea value={reason} onChange={setReason} maxLength={200} rows={3} placeholder='哪里不对？如金额、日期或没有收到' />
              <View className='visit-pages__buttons'>
                <Button
                  size='small'
                  type='primary'
                  loading={busy}
                  onClick={() => answer(() => callApi('help.dispute', { id: entry.id, reason }))}
                >
                  提交异议
                </Button>
                <Button size='small' onClick={() => setDisputing(undefined)}>
                  取消
                </Button>
              </View>
            </>
          )}
        </View>
      ))}
      {error && <View className='visit-pages__error'>{error}</View>}
    </View>
  )
}
