import { Button, TextArea } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { useSubmit } from '../../../hooks/use-submit'
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
  const { busy, error, setError, run } = useSubmit()
  // One id per form: a retried submit finds the first booking.
  const requestId = useRef(`visit-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`)

  if (!data) return <PagePending />
  if (!host) return <View className={pageClass('bb-muted')}>没有找到这位走访人。</View>

  const submit = async () => {
    setError(undefined)
    if (!slot) return setError('请选择一个时段')
    if (!topic.trim()) return setError('请写明走访事由')
    await run(async () => {
      const appealId = appeals?.items.find((a) => a.title === appealTitle)?.id
      const visit = await callApi('visit.book', {
        clientRequestId: requestId.current,
        hostId: host.id,
        ...slot,
        topic,
        ...(appealId && { appealId }),
      })
      void Taro.redirectTo({ url: `/packageVisit/pages/visit/index?id=${encodeURIComponent(visit.id)}` })
    })
  }

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
        <SlotChips slots={host.slots} value={slot} onChange={setSlot} />
        <View className='bb-muted visit-pages__hint'>上午 9:00 起，下午 14:30 起；对方确认后会通知您，前一天再提醒。</View>
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>走访事由</View>
        <TextArea value={topic} onChange={setTopic} maxLength={200} placeholder='想当面沟通什么，如“二期厂房验收和招工”' />
        {appeals && appeals.items.length > 0 && (
          <>
            <View className='bb-section-title visit-pages__label'>相关诉求（可不选）</View>
            <Chips options={[NONE, ...appeals.items.map((a) => a.title)]} value={appealTitle} onChange={setAppealTitle} />
          </>
        )}
      </View>
      {error && <View className='visit-pages__error'>{error}</View>}
      <Button type='primary' block loading={busy} onClick={submit}>
        提交预约
      </Button>
    </View>
  )
}
