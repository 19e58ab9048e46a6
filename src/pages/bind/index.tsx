import { Button, Input } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { BindResult } from '../../../cloud/contract'
import { bindEnterpriseInput } from '../../../cloud/contract/enterprise'
import { callApi } from '../../api/client'
import { FieldMessage } from '../../components/field'
import { footMessage } from '../../forms/validate'
import { useFormErrors } from '../../hooks/use-form-errors'
import { useMe } from '../../hooks/use-me'
import { pageClass } from '../../hooks/use-care-mode'
import './index.scss'

/**
 * 绑定企业: the owner proves who they speak for with the credit code and the one-time binding code
 * their officer issued (scanning its QR code fills both in), and says who they are. An enterprise
 * that has owners already asks its primary owner or officer to approve.
 */
export default function BindPage() {
  const { params } = useRouter()
  // The mini-program code's scene is <credit code>.<binding code>; the H5 link carries c and k.
  const [sceneCode, sceneKey] = params.scene ? decodeURIComponent(params.scene).split('.') : []
  const [creditCode, setCreditCode] = useState(params.c ?? sceneCode ?? '')
  const [bindingCode, setBindingCode] = useState(params.k ?? sceneKey ?? '')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [pending, setPending] = useState<BindResult>()
  const { data: me } = useMe()
  const form = useFormErrors()
  useEffect(() => {
    if (me && me.user.name !== '微信用户') setName((current) => current || me.user.name)
    if (me?.user.phone) setPhone((current) => current || me.user.phone)
  }, [me])

  const submit = async () => {
    const values = { creditCode, bindingCode: bindingCode.replace(/\s/g, ''), name, phone }
    // Checked as the API will check it: every problem shows under its box before anything is sent.
    const result = await form.submit(bindEnterpriseInput, values, (checked) => callApi('enterprise.bind', checked, { silent: true }))
    if (!result) return
    if (result.state === 'pending') {
      setPending(result)
      return
    }
    // A new role changes every tab, so start the app afresh on 我的 rather than return to stale pages.
    await Taro.reLaunch({ url: '/pages/me/index' })
    void Taro.showToast({ title: `已绑定${result.enterpriseName}`, icon: 'none' })
  }
  const foot = footMessage(form.errors, ['creditCode', 'bindingCode', 'name', 'phone'])

  if (pending)
    return (
      <View className={pageClass('bind')}>
        <View className='bb-card bind__pending'>
          <View className='bb-section-title'>已提交，等待同意</View>
          <View>
            {pending.enterpriseName}
            已有企业用户。为保护企业信息，须由企业的主要负责人或驻企特派员同意后，您才能以企业用户身份使用。同意后会通知您。
          </View>
        </View>
        <Button block onClick={() => void Taro.reLaunch({ url: '/pages/me/index' })}>
          回到我的
        </Button>
      </View>
    )

  return (
    <View className={pageClass('bind')}>
      <View className='bb-card'>
        <View className='bb-section-title'>统一社会信用代码</View>
        <Input
          value={creditCode}
          onChange={(v) => {
            setCreditCode(v.toUpperCase())
            form.clear('creditCode')
          }}
          maxLength={18}
          placeholder='营业执照上的 18 位代码'
        />
        <FieldMessage error={form.errors.creditCode} />
        <View className='bb-section-title'>绑定码</View>
        <Input
          value={bindingCode}
          onChange={form.edited('bindingCode', setBindingCode)}
          type='number'
          maxLength={8}
          placeholder='驻企特派员给您的 8 位数字'
        />
        <FieldMessage error={form.errors.bindingCode} />
        <View className='bb-section-title'>您的姓名和手机号</View>
        <Input value={name} onChange={form.edited('name', setName)} maxLength={20} placeholder='您的姓名' />
        <FieldMessage error={form.errors.name} />
        <Input value={phone} onChange={form.edited('phone', setPhone)} type='number' maxLength={11} placeholder='您的手机号' />
        <FieldMessage error={form.errors.phone} />
        <View className='bb-muted bind__hint'>绑定码一次有效。企业负责人和驻企特派员会收到绑定通知。</View>
        <FieldMessage error={foot} />
      </View>
      <Button type='primary' block loading={form.busy} onClick={submit}>
        绑定
      </Button>
    </View>
  )
}
