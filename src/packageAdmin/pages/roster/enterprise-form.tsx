import { Button, Input } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import type { ActionInput, RosterEnterprise } from '../../../../cloud/contract'
import { ENTERPRISE_KINDS, ENTERPRISE_TAGS, type EnterpriseKind } from '../../../../cloud/domain/policy-match'
import { ApiError, callApi } from '../../../api/client'
import { Chips, MultiChips } from '../../../components/chips'

type Form = Omit<ActionInput<'roster.save'>, 'kind' | 'tags' | 'officerId'> & {
  kind?: EnterpriseKind
  tags: (typeof ENTERPRISE_TAGS)[number][]
  officerId?: string
}

const fromEnterprise = (e?: RosterEnterprise): Form => ({
  id: e?.id,
  name: e?.name ?? '',
  creditCode: e?.creditCode ?? '',
  kind: e?.kind as EnterpriseKind | undefined,
  industry: e?.industry ?? '',
  park: e?.park ?? '',
  address: e?.address ?? '',
  legalPerson: e?.legalPerson ?? '',
  tags: (e?.tags ?? []) as Form['tags'],
  contactName: e?.contactName ?? '',
  contactPhone: e?.contactPhone ?? '',
  officerId: e?.officer?.id,
  leaderId: e?.leader?.id,
})

/**
 * One enterprise of the roster, new or as it is: the same fields as a row of the import workbook.
 * A new officer takes over as a handover does (the page says so before saving).
 */
export function EnterpriseForm({
  enterprise,
  officers,
  leaders,
  onSaved,
  onCancel,
}: {
  enterprise?: RosterEnterprise
  officers: { id: string; name: string }[]
  leaders: { id: string; name: string }[]
  onSaved: (saved: RosterEnterprise) => void
  onCancel: () => void
}) {
  const [form, setForm] = useState<Form>(() => fromEnterprise(enterprise))
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const edit = (changes: Partial<Form>) => setForm((current) => ({ ...current, ...changes }))
  const save = async () => {
    setBusy(true)
    setError(undefined)
    try {
      if (!form.kind) throw new ApiError({ code: 'BAD_REQUEST', message: '请选择企业类型', field: 'kind' })
      if (!form.officerId) throw new ApiError({ code: 'BAD_REQUEST', message: '请选择驻企特派员', field: 'officerId' })
      onSaved(
        await callApi(
          'roster.save',
          { ...form, kind: form.kind, officerId: form.officerId, leaderId: form.leaderId || undefined },
          { silent: true },
        ),
      )
    } catch (e) {
      if (e instanceof ApiError) setError(e.message)
      else throw e
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='bb-card roster__form'>
      <View className='bb-section-title'>{enterprise ? '修改企业' : '新增企业'}</View>
      <Input value={form.name} onChange={(name) => edit({ name })} maxLength={60} placeholder='企业名称' />
      <Input
        value={form.creditCode}
        onChange={(v) => edit({ creditCode: v.toUpperCase() })}
        maxLength={18}
        placeholder='统一社会信用代码'
      />
      <Input value={form.industry} onChange={(industry) => edit({ industry })} maxLength={20} placeholder='行业，如 食品' />
      <Input value={form.park} onChange={(park) => edit({ park })} maxLength={30} placeholder='园区或道路' />
      <Input value={form.address ?? ''} onChange={(address) => edit({ address })} maxLength={60} placeholder='详细地址（可不填）' />
      <Input
        value={form.legalPerson ?? ''}
        onChange={(legalPerson) => edit({ legalPerson })}
        maxLength={20}
        placeholder='法定代表人（可不填）'
      />
      <Input
        value={form.contactName ?? ''}
        onChange={(contactName) => edit({ contactName })}
        maxLength={20}
        placeholder='联系人（可不填）'
      />
      <Input
        value={form.contactPhone ?? ''}
        onChange={(contactPhone) => edit({ contactPhone })}
        type='number'
        maxLength={11}
        placeholder='联系人手机（可不填）'
      />
      <View className='roster__label'>企业类型</View>
      <Chips options={ENTERPRISE_KINDS} value={form.kind} onChange={(kind) => edit({ kind })} />
      <View className='roster__label'>资质</View>
      <MultiChips options={ENTERPRISE_TAGS} value={form.tags} onChange={(tags) => edit({ tags })} />
      <View className='roster__label'>驻企特派员{enterprise?.officer ? '（更换后，其在办诉求和待进行的走访一并交接）' : ''}</View>
      <Chips
        options={officers.map((o) => o.id)}
        value={form.officerId}
        onChange={(officerId) => edit({ officerId })}
        label={(id) => officers.find((o) => o.id === id)?.name ?? id}
      />
      <View className='roster__label'>包抓领导</View>
      <Chips
        options={leaders.map((l) => l.id)}
        value={form.leaderId}
        onChange={(leaderId) => edit({ leaderId })}
        label={(id) => leaders.find((l) => l.id === id)?.name ?? id}
      />
      {error && <View className='roster__error'>{error}</View>}
      <View className='roster__buttons'>
        <Button type='primary' block loading={busy} onClick={() => void save()}>
          保存
        </Button>
        <Button block fill='outline' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
