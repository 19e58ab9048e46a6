import { Button, TextArea } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { bookVisitInput } from '../../../../cloud/contract/visit'
import { FieldMessage } from '../../../components/field'
import { footMessage } from '../../../forms/validate'
import { useFormErrors } from '../../../hooks/use-form-errors'
import { SlotChips, type SlotChoice } from '../../components/slot-chips'
import '../visit-pages.scss'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'

const NONE = '不关联'

/** 预约走访: the owner picks one of the visitor's open half-days, says what it is about, optionally which appeal. */
export default function BookVisitPage() {
  const hostId = decodeURIComponent(useRouter().params.host ?? '')
  const { data } = useAction('visit.slots', {})
  const { data: appeals } = useAction('appeal.listMine', { filter: 'open', limit: 10 })
  const host = data?.hosts.find((h) => h.id === hostId)
  const [slot, setSlot] = useState<SlotChoice>()
  const [topic, setTopic] = useState('')
  const [appealTitle, setAppealTitle] = useState(NONE)
  const form = useFormErrors()
  // One id per form: a retried submit finds the first booking.
  const requestId = useRef(`visit-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`)

  if (!data) return <PagePending />
  if (!host) return <View className={pageClass('bb-muted')}>没有找到这位走访人。</View>

  const submit = async () => {
    const appealId = appeals?.items.find((a) => a.title === appealTitle)?.id
    const values = { clientRequestId: requestId.current, hostId: host.id, ...slot, topic, ...(appealId && { appealId }) }
    const visit = await form.submit(bookVisitInput, values, (checked) => callApi('visit.book', checked, { silent: true }))
    if (visit) void Taro.redirectTo({ url: `/packageVisit/pages/visit/index?id=${encodeURIComponent(visit.id)}` })
  }
  // The time is one choice of a day and a half-day: a message about either is about the choice.
  const slotError = form.errors.day ?? form.errors.half
  const foot = footMessage(form.errors, ['day', 'half', 'topic'])

  return (
    <View className={pageClass('visit-pages')}>
      <View className='bb-card'>
        <View className='visit-pages__title'>
          {host.kind === 'meeting' ? '与包抓领导座谈' : '预约走访'}：{host.name}
        </View>
        <View className='bb-muted'>{host.title}</View>
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>选择时间</View>
        <SlotChips
          slots={host.slots}
          value={slot}
          onChange={(choice) => {
            setSlot(choice)
            form.clear('day', 'half')
          }}
        />
        <FieldMessage error={slot || !slotError ? slotError : '请选择一个时段'} />
        <View className='bb-muted visit-pages__hint'>上午 9:00 起，下午 14:30 起；对方确认后会通知您，前一天再提醒。</View>
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>走访事由</View>
        <TextArea
          value={topic}
          onChange={(value) => {
            setTopic(value)
            form.clear('topic')
          }}
          maxLength={200}
          placeholder='想当面沟通什么，如“二期厂房验收和招工”'
        />
        <FieldMessage error={form.errors.topic} />
        {appeals && appeals.items.length > 0 && (
          <>
            <View className='bb-section-title visit-pages__label'>相关诉求（可不选）</View>
            <Chips options={[NONE, ...appeals.items.map((a) => a.title)]} value={appealTitle} onChange={setAppealTitle} />
          </>
        )}
      </View>
      {foot && (
        <View className='visit-pages__error' role='alert'>
          {foot}
        </View>
      )}
      <Button type='primary' block loading={form.busy} onClick={submit}>
        提交预约
      </Button>
    </View>
  )
}
