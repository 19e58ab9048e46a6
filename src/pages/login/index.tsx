import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { DevUser } from '../../../cloud/contract'
import { callApi } from '../../api/client'
import { saveSession, takeReturn } from '../../api/session'
import { useAction } from '../../hooks/use-action'
import './index.scss'

/**
 * The browser build's sign-in: pick one of the seeded people. Only the local host offers it;
 * on WeChat the person is whoever opened the mini-program.
 */
export default function LoginPage() {
  const { data: users } = useAction('auth.devUsers', {})

  const signIn = async (user: DevUser) => {
    const { token, expiresAt } = await callApi('auth.devLogin', { userId: user.id })
    saveSession(token, expiresAt)
    void Taro.reLaunch({ url: takeReturn() ?? '/pages/home/index' })
  }

  const groups = new Map<string, DevUser[]>()
  for (const user of users ?? []) groups.set(user.roleLabel, [...(groups.get(user.roleLabel) ?? []), user])

  return (
    <View className='bb-page login'>
      <View className='bb-muted login__hint'>本地演示环境：选择一个身份进入。正式小程序以微信身份登录。</View>
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
