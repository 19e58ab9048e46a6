import { useRequestId } from '../../../hooks/use-request-id'
import { Button, Input } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import type { ExhibitionView } from '../../../../cloud/contract'
import { saveExhibitionInput } from '../../../../cloud/contract/expo'
import { callApi } from '../../../api/client'
import { FieldMessage } from '../../../components/field'
import { footMessage } from '../../../forms/validate'
import { useFormErrors } from '../../../hooks/use-form-errors'

const EMPTY = { name: '', theme: '', venue: '', startsOn: '', endsOn: '', halls: '', boothCount: '', areaM2: '' }
type Form = typeof EMPTY
const PLACED = Object.keys(EMPTY)

/** A typed whole number, or nothing when the box is empty (the schema then asks for it or takes its default). */
const count = (value: string) => (value.trim() === '' ? undefined : Number(value))

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
  const [form, setForm] = useState<Form>(
    exhibition
      ? { ...exhibition, halls: exhibition.halls.join('、'), boothCount: String(exhibition.boothCount), areaM2: String(exhibition.areaM2) }
      : EMPTY,
  )
  const checks = useFormErrors()
  const [requestId] = useRequestId()
  const set = (changes: Partial<Form>) => {
    setForm((f) => ({ ...f, ...changes }))
    checks.clear(...Object.keys(changes))
  }
  const save = async () => {
    const values = {
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
      boothCount: count(form.boothCount),
      areaM2: count(form.areaM2),
    }
    const saved = await checks.submit(saveExhibitionInput, values, (checked) => callApi('expo.save', checked, { silent: true }))
    if (saved) onSaved(saved.id)
  }
  const foot = footMessage(checks.errors, PLACED)
  const { errors } = checks
  return (
    <View className='bb-card admin-expo__form'>
      <Input value={form.name} onChange={(name) => set({ name })} maxLength={60} placeholder='展会名称，如 第五届中空塑料博览会' />
      <FieldMessage error={errors.name} />
      <Input value={form.theme} onChange={(theme) => set({ theme })} maxLength={60} placeholder='主题（可不填）' />
      <FieldMessage error={errors.theme} />
      <Input value={form.venue} onChange={(venue) => set({ venue })} maxLength={60} placeholder='举办地点' />
      <FieldMessage error={errors.venue} />
      <Input value={form.startsOn} onChange={(startsOn) => set({ startsOn })} maxLength={10} placeholder='开幕日期，如 2027-10-28' />
      <FieldMessage error={errors.startsOn} />
      <Input value={form.endsOn} onChange={(endsOn) => set({ endsOn })} maxLength={10} placeholder='闭幕日期，如 2027-10-30' />
      <FieldMessage error={errors.endsOn} />
      <Input value={form.halls} onChange={(halls) => set({ halls })} placeholder='展馆，用顿号隔开' />
      <FieldMessage error={errors.halls} />
      <Input value={form.boothCount} onChange={(boothCount) => set({ boothCount })} type='number' maxLength={5} placeholder='展位数' />
      <FieldMessage error={errors.boothCount} />
      <Input value={form.areaM2} onChange={(areaM2) => set({ areaM2 })} type='number' maxLength={8} placeholder='展览面积（平方米）' />
      <FieldMessage error={errors.areaM2} />
      <FieldMessage error={foot} />
      <Button type='primary' block loading={checks.busy} onClick={save}>
        {exhibition ? '保存展会' : '创建展会'}
      </Button>
    </View>
  )
}
