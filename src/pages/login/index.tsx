import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { DevLoginResult, DevUser } from '../../../cloud/contract'
import { callApi } from '../../api/client'
import { saveSession, takeReturn } from '../../api/session'
import { useAction } from '../../hooks/use-action'
import { pageClass } from '../../hooks/use-care-mode'
import './index.scss'

/** WeChat identities this browser has used, so one can come back as the same person. */
const WECHAT_IDS = 'bangban.wechat-ids'
interface WechatId {
  openid: string
  label: string
}

const newOpenid = () => `wx-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

/**
 * The browser build's sign-in: pick one of the people in the store, or come in as a WeChat user
 * (an OPENID the server sees for the first time is a guest, as on WeChat), to try binding and
 * joining as staff without WeChat. Only the local host offers it; on WeChat the person is whoever
 * opened the mini-program.
 */
export default function LoginPage() {
  const { data: users } = useAction('auth.devUsers', {})
  const [wechat, setWechat] = useState<WechatId[]>(() => Taro.getStorageSync<WechatId[] | ''>(WECHAT_IDS) || [])

  const enter = async (login: Promise<DevLoginResult>, openid?: string) => {
    const { token, expiresAt, me } = await login
    saveSession(token, expiresAt)
    if (openid) {
      const label = `${me.user.name} · ${me.user.roleLabel}`
      const next = [{ openid, label }, ...wechat.filter((w) => w.openid !== openid)].slice(0, 8)
      Taro.setStorageSync(WECHAT_IDS, next)
      setWechat(next)
    }
    void Taro.reLaunch({ url: takeReturn() ?? '/pages/home/index' })
  }
  const signIn = (user: DevUser) => enter(callApi('auth.devLogin', { userId: user.id }))
  const asWechat = (openid: string) => enter(callApi('auth.devLogin', { openid }), openid)

  const groups = new Map<string, DevUser[]>()
  for (const user of users ?? []) groups.set(user.roleLabel, [...(groups.get(user.roleLabel) ?? []), user])

  return (
    <View className={pageClass('login')}>
      <View className='bb-muted login__hint'>本地演示环境：选择一个身份进入。正式小程序以微信身份登录。</View>
      <View className='bb-card'>
        <View className='bb-section-title'>微信用户</View>
        <View className='bb-muted login__hint'>像第一次打开小程序的微信用户一样进入（访客），可以体验绑定企业、领取工作人员邀请。</View>
        <Button type='primary' block onClick={() => void asWechat(newOpenid())}>
          以新微信用户身份进入
        </Button>
      </View>
      {wechat.length > 0 && (
        <CellGroup title='本机用过的微信身份'>
          {wechat.map((w) => (
            <Cell key={w.openid} title={w.label} description={w.openid} clickable onClick={() => void asWechat(w.openid)} />
          ))}
        </CellGroup>
      )}
      {[...groups].map(([label, members]) => (
        <CellGroup key={label} title={label}>
          {members.map((user) => (
            <Cell
              key={user.id}
              title={user.name}
              description={user.enterpriseName ?? user.title}
              clickable
              onClick={() => void signIn(user)}
            />
          ))}
        </CellGroup>
      ))}
    </View>
  )
}
