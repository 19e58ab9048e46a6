import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ExpoVisitorView } from '../../../cloud/contract'
import { callApi } from '../../api/client'
import { Field } from '../../components/field'
import { registerVisitorInput } from '../../../cloud/contract/expo'
import { footMessage } from '../../forms/validate'
import { useFormErrors } from '../../hooks/use-form-errors'

export interface RegisterDefaults {
  name: string
  phone: string
  company: string
}

/**
 * 登记观众, or 申请 VIP 采购商 with the organisers' invitation code. Sharing contact details with
 * exhibitors is the visitor's choice, off until they tick it.
 */
export function RegisterForm({
  exhibitionId,
  vip,
  defaults,
  onDone,
  onCancel,
}: {
  exhibitionId: string
  vip: boolean
  defaults: RegisterDefaults
  onDone: (view: ExpoVisitorView) => void
  onCancel: () => void
}) {
  const [form, setForm] = useState({ ...defaults, invitationCode: '', shareContact: false })
  const checks = useFormErrors()
  const set = (changes: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...changes }))
    checks.clear(...Object.keys(changes))
  }

  const submit = async () => {
    const values = {
      exhibitionId,
      name: form.name,
      phone: form.phone,
      company: form.company,
      kind: vip ? 'vip' : 'visitor',
      shareContact: form.shareContact,
      ...(vip ? { invitationCode: form.invitationCode } : {}),
    }
    const view = await checks.submit(registerVisitorInput, values, (checked) => callApi('expo.register', checked, { silent: true }))
    if (view) onDone(view)
  }
  const foot = footMessage(checks.errors, ['name', 'phone', 'company', 'invitationCode'])

  return (
    <View className='bb-card expo-form'>
      <View className='bb-section-title'>
        {vip ? '申请 VIP 采购商' : '登记观众'}
        <Text className='bb-link' onClick={onCancel}>
          取消
        </Text>
      </View>
      <Field label='姓名' error={checks.errors.name}>
        <Input value={form.name} onChange={(name) => set({ name })} maxLength={20} placeholder='您的姓名' />
      </Field>
      <Field label='手机号' error={checks.errors.phone}>
        <Input value={form.phone} onChange={(phone) => set({ phone })} type='tel' maxLength={13} placeholder='11 位手机号' />
      </Field>
      <Field label='单位' error={checks.errors.company}>
        <Input value={form.company} onChange={(company) => set({ company })} maxLength={60} placeholder='单位名称' />
      </Field>
      {vip && (
        <Field label='邀请码' error={checks.errors.invitationCode}>
          <Input
            value={form.invitationCode}
            onChange={(invitationCode) => set({ invitationCode })}
            maxLength={16}
            placeholder='邀请函上的 VIP 邀请码'
          />
        </Field>
      )}
      <View
        className={`expo-form__consent ${form.shareContact ? 'expo-form__consent--on' : ''}`}
        role='checkbox'
        aria-checked={form.shareContact}
        onClick={() => set({ shareContact: !form.shareContact })}
      >
        <View className='expo-form__box'>{form.shareContact ? '✓' : ''}</View>
        <View>同意向我扫码或关注的展商提供姓名、单位和手机号（不勾选则展商只知道有人来过）</View>
      </View>
      {foot && (
        <View className='expo-form__error' role='alert'>
          {foot}
        </View>
      )}
      <Button type='primary' block loading={checks.busy} onClick={submit}>
        {vip ? '提交 VIP 申请' : '提交登记'}
      </Button>
    </View>
  )
}
