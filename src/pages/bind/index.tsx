import { Button, Input } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { callApi } from '../../api/client'
import { useSubmit } from '../../hooks/use-submit'
import './index.scss'

/** 绑定企业: the owner proves who they speak for with the credit code and the officer's invite code. */
export default function BindPage() {
  const [creditCode, setCreditCode] = useState('')
  const [inviteCode, setInviteCode] = useState('')
  const { busy, error: fieldError, run } = useSubmit()

  const submit = () =>
    run(async () => {
      const me = await callApi('enterprise.bind', { creditCode, inviteCode })
      // A new role changes every tab, so start the app afresh on 我的 rather than return to stale pages.
      await Taro.reLaunch({ url: '/pages/me/index' })
      void Taro.showToast({ title: `已绑定${me.enterprise?.name ?? ''}`, icon: 'none' })
    })

  return (
    <View className='bb-page bind'>
      <View className='bb-card'>
        <View className='bb-section-title'>统一社会信用代码</View>
        <Input value={creditCode} onChange={(v) => setCreditCode(v.toUpperCase())} maxLength={18} placeholder='营业执照上的 18 位代码' />
        <View className='bb-section-title'>邀请码</View>
        <Input value={inviteCode} onChange={setInviteCode} type='number' maxLength={6} placeholder='向您的驻企特派员索取的 6 位数字' />
        {fieldError && <View className='bind__error'>{fieldError}</View>}
      </View>
      <Button type='primary' block loading={busy} disabled={creditCode.length !== 18 || inviteCode.length !== 6} onClick={submit}>
        绑定
      </Button>
    </View>
  )
}
