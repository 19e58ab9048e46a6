import { Button, Input } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { claimInput } from '../../../cloud/contract/staff'
import { callApi } from '../../api/client'
import { FieldMessage } from '../../components/field'
import { footMessage } from '../../forms/validate'
import { useFormErrors } from '../../hooks/use-form-errors'
import { pageClass } from '../../hooks/use-care-mode'
import './index.scss'

/**
 * 工作人员加入: a WeChat user enters the invitation their office gave them (or scans its QR code,
 * which opens this page with the code filled in) and becomes that member of staff. The very first
 * admin enters the operator's setup code here, with their name.
 */
export default function JoinPage() {
  const { params } = useRouter()
  const scanned = params.c ?? (params.scene ? decodeURIComponent(params.scene) : '')
  const [code, setCode] = useState(scanned)
  const [name, setName] = useState('')
  const form = useFormErrors()

  const submit = async () => {
    const values = { code, ...(name.trim() ? { name } : {}) }
    const result = await form.submit(claimInput, values, (checked) => callApi('staff.claim', checked, { silent: true }))
    if (!result) return
    await Taro.reLaunch({ url: '/pages/me/index' })
    void Taro.showToast({ title: `欢迎，${result.me.user.name}（${result.me.user.roleLabel}）`, icon: 'none', duration: 2500 })
  }
  const foot = footMessage(form.errors, ['code', 'name'])

  return (
    <View className={pageClass('join')}>
      <View className='bb-card'>
        <View className='bb-section-title'>邀请码</View>
        <View className='bb-muted join__hint'>
          管理员或部门负责人添加您后，会给您一个 12 位邀请码（也可扫它的二维码）。一个码只能用一次。
        </View>
        <Input
          value={code}
          onChange={(v) => {
            setCode(v.toUpperCase())
            form.clear('code')
          }}
          maxLength={14}
          placeholder='如 ABCD-EFGH-JKMN'
        />
        <FieldMessage error={form.errors.code} />
        <View className='bb-section-title join__name'>姓名（仅首位管理员填写）</View>
        <Input value={name} onChange={form.edited('name', setName)} maxLength={20} placeholder='用管理员设置码时填写您的姓名' />
        <FieldMessage error={form.errors.name} />
        <FieldMessage error={foot} />
      </View>
      <Button type='primary' block loading={form.busy} onClick={submit}>
        加入
      </Button>
    </View>
  )
}
