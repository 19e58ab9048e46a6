import { useRequestId } from '../../../hooks/use-request-id'
import { Button, Input } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { ApiError, callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'

/** Places an exhibitor on a booth: name, booth number, hall, products, the booth's contact, the free zone. */
export function ExhibitorForm({ exhibitionId, halls, onSaved }: { exhibitionId: string; halls: string[]; onSaved: () => void }) {
  const [form, setForm] = useState({
    name: '',
    boothNo: '',
    hall: halls[0] ?? '',
    products: '',
    contactName: '',
    contactPhone: '',
    freeZone: false,
  })
  const [error, setError] = useState<string>()
  const [requestId] = useRequestId()
  const set = (changes: Partial<typeof form>) => setForm((f) => ({ ...f, ...changes }))
  const save = async () => {
    setError(undefined)
    try {
      await callApi('expo.saveExhibitor', {
        clientRequestId: requestId,
        exhibitionId,
        name: form.name,
        boothNo: form.boothNo,
        hall: form.hall,
        products: form.products.split(/[,，、\s]+/).filter(Boolean),
        contactName: form.contactName,
        contactPhone: form.contactPhone,
        freeZone: form.freeZone,
      })
      onSaved()
    } catch (e) {
      if (e instanceof ApiError) setError(e.message)
    }
  }
  return (
    <View className='bb-card admin-expo__form'>
      <Input value={form.boothNo} onChange={(boothNo) => set({ boothNo })} maxLength={12} placeholder='展位号，如 C301' />
      <Input value={form.name} onChange={(name) => set({ name })} maxLength={60} placeholder='展商名称' />
      <Chips options={halls} value={form.hall} onChange={(hall) => set({ hall })} />
      <Input value={form.products} onChange={(products) => set({ products })} placeholder='展品，用顿号隔开' />
      <Input value={form.contactName} onChange={(contactName) => set({ contactName })} maxLength={20} placeholder='展位联系人' />
      <Input
        value={form.contactPhone}
        onChange={(contactPhone) => set({ contactPhone })}
        type='tel'
        maxLength={13}
        placeholder='展位联系电话'
      />
      <Chips
        options={['paid', 'free'] as const}
        value={form.freeZone ? 'free' : 'paid'}
        onChange={(v) => set({ freeZone: v === 'free' })}
        label={(v) => (v === 'free' ? '乡村振兴展区（免费）' : '普通展位')}
      />
      {error && <View className='admin-expo__error'>{error}</View>}
      <Button type='primary' block onClick={save}>
        保存展商
      </Button>
    </View>
  )
}
