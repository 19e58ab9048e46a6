import { useRequestId } from '../../../hooks/use-request-id'
import { Button, Input } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import type { ExhibitionView } from '../../../../cloud/contract'
import { callApi } from '../../../api/client'
import { useSubmit } from '../../../hooks/use-submit'

const EMPTY = { name: '', theme: '', venue: '', startsOn: '', endsOn: '', halls: '', boothCount: '', areaM2: '' }

/**
 * Creates an exhibition, or changes the one shown: its name, theme, venue, dates, halls, booths and
 * area. The forum and featured policies an edit leaves as they are.
 */
export function ExhibitionForm({
  exhibition,
  featuredPolicyIds,
  onSaved,
}: {
  exhibition?: ExhibitionView
  featuredPolicyIds?: string[]
  onSaved: (id: string) => void
}) {
  const [form, setForm] = useState(
    exhibition
      ? { ...exhibition, halls: exhibition.halls.join('、'), boothCount: String(exhibition.boothCount), areaM2: String(exhibition.areaM2) }
      : EMPTY,
  )
  const { busy, error, run } = useSubmit()
  const [requestId] = useRequestId()
  const set = (changes: Partial<typeof form>) => setForm((f) => ({ ...f, ...changes }))
  const save = () =>
    run(async () => {
      const saved = await callApi('expo.save', {
        clientRequestId: requestId,
        ...(exhibition && { id: exhibition.id, forum: exhibition.forum, featuredPolicyIds }),
        name: form.name,
        theme: form.theme,
        venue: form.venue,
        startsOn: form.startsOn,
        endsOn: form.endsOn,
        halls: form.halls
          .split(/[,，、]+/)
          .map((h) => h.trim())
          .filter(Boolean),
        boothCount: Number(form.boothCount) || 0,
        areaM2: Number(form.areaM2) || 0,
      })
      onSaved(saved.id)
    })
  return (
    <View className='bb-card admin-expo__form'>
      <Input value={form.name} onChange={(name) => set({ name })} maxLength={60} placeholder='展会名称，如 第五届中空塑料博览会' />
      <Input value={form.theme} onChange={(theme) => set({ theme })} maxLength={60} placeholder='主题（可不填）' />
      <Input value={form.venue} onChange={(venue) => set({ venue })} maxLength={60} placeholder='举办地点' />
      <Input value={form.startsOn} onChange={(startsOn) => set({ startsOn })} maxLength={10} placeholder='开幕日期，如 2027-10-28' />
      <Input value={form.endsOn} onChange={(endsOn) => set({ endsOn })} maxLength={10} placeholder='闭幕日期，如 2027-10-30' />
      <Input value={form.halls} onChange={(halls) => set({ halls })} placeholder='展馆，用顿号隔开' />
      <Input value={form.boothCount} onChange={(boothCount) => set({ boothCount })} type='number' maxLength={5} placeholder='展位数' />
      <Input value={form.areaM2} onChange={(areaM2) => set({ areaM2 })} type='number' maxLength={8} placeholder='展览面积（平方米）' />
      {error && <View className='admin-expo__error'>{error}</View>}
      <Button type='primary' block loading={busy} onClick={save}>
        {exhibition ? '保存展会' : '创建展会'}
      </Button>
    </View>
  )
}
