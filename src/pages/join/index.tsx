import { Button, Input } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { callApi } from '../../api/client'
import { useSubmit } from '../../hooks/use-submit'
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
  const { busy, error, run } = useSubmit()

  const submit = () =>
    run(async () => {
      const result = await callApi('staff.claim', { code, ...(name.trim() ? { name: name.trim() } : {}) }, { silent: true })
      await Taro.reLaunch({ url: '/pages/me/index' })
      void Taro.showToast({ title: `欢迎，${result.me.user.name}（${result.me.user.roleLabel}）`, icon: 'none', duration: 2500 })
    })

  return (
    <View className={pageClass('join')}>
      <View className='bb-card'>
        <View className='bb-section-title'>邀请码</View>
        <View className='bb-muted join__hint'>
          管理员或部门负责人添加您后，会给您一个 12 位邀请码（也可扫它的二维码）。一个码只能用一次。
        </View>
        <Input value={code} onChange={(v) => setCode(v.toUpperCase())} maxLength={14} placeholder='如 ABCD-EFGH-JKMN' />
        <View className='bb-section-title join__name'>姓名（仅首位管理员填写）</View>
        <Input value={name} onChange={setName} maxLength={20} placeholder='用管理员设置码时填写您的姓名' />
        {error && <View className='join__error'>{error}</View>}
      </View>
      <Button type='primary' block loading={busy} disabled={code.replace(/[\s-]/g, '').length < 12} onClick={submit}>
        加入
      </Button>
    </View>
  )
}
