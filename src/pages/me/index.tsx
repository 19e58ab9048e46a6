import { Button, Cell, CellGroup, Switch } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { isStaff } from '../../../cloud/domain/roles'
import { LOGIN_PAGE } from '../../api/client'
import { clearSession } from '../../api/session'
import { useUnreadBadge } from '../../hooks/use-unread-badge'
import { ContactCard } from '../../components/contact-card'
import { useAction } from '../../hooks/use-action'
import { useMe } from '../../hooks/use-me'
import { PagePending } from '../../components/page-state'
import { openStaffTool, staffToolsFor } from '../../utils/workbench'
import { pageClass, setCareMode, useCareMode } from '../../hooks/use-care-mode'
import './index.scss'

/** 我的: who I am, my enterprise and the people who serve it, and the way into staff tools. */
export default function MePage() {
  const { data: me } = useMe({ fresh: true })
  const { data: messages } = useAction('message.list', { limit: 1 })
  useUnreadBadge()
  const care = useCareMode()
  const unread = messages?.unread ?? 0
  if (!me) return <PagePending />
  const { user, enterprise } = me
  // In care mode the way in says enough: the captions under it go.
  const caption = (text: string) => (care ? undefined : text)
  const switchCare = (next: boolean) => {
    setCareMode(next)
    // Every page opens again, at the new size.
    void Taro.reLaunch({ url: '/pages/me/index' })
  }

  return (
    <View className={pageClass('me')}>
      <View className='bb-card me__user'>
        <Text className='me__name'>{user.name}</Text>
        <Text className='me__role'>{user.roleLabel}</Text>
        <Text className='bb-muted'>{[user.department?.name, user.title].filter(Boolean).join(' · ')}</Text>
      </View>

      {enterprise && (
        <>
          <CellGroup title='我的企业'>
            <Cell title={enterprise.name} description={`统一社会信用代码 ${enterprise.creditCode}`} />
            <Cell title='行业 / 类型' extra={`${enterprise.industry} · ${enterprise.kind}`} />
            <Cell title='所在园区' extra={enterprise.park} />
            <Cell title='包抓部门' extra={enterprise.department?.name ?? '—'} />
          </CellGroup>
          <View className='bb-card'>
            <ContactCard label='驻企特派员' person={enterprise.officer} />
            <ContactCard label='包抓领导' person={enterprise.leader} />
          </View>
          <CellGroup>
            <Cell
              title='企业走访码'
              description={caption('走访人员来企业时扫码签到')}
              clickable
              onClick={() => Taro.navigateTo({ url: '/packageVisit/pages/code/index' })}
            />
            <Cell
              title='一企一档'
              description={caption('帮扶方案、诉求和走访记录')}
              clickable
              onClick={() => Taro.navigateTo({ url: '/packageVisit/pages/dossier/index' })}
            />
            <Cell
              title='帮扶记录'
              description={caption('镇里为本企业提供的帮扶，确认收到')}
              clickable
              onClick={() => Taro.navigateTo({ url: '/packageVisit/pages/help/index' })}
            />
            <Cell
              title='经营数据填报'
              description={caption('每月的产值、用工、纳税和订单')}
              clickable
              onClick={() => Taro.navigateTo({ url: '/packageVisit/pages/indicators/index' })}
            />
            <Cell
              title='企业成员'
              description={caption('谁绑定了本企业，同意或移除')}
              clickable
              onClick={() => Taro.navigateTo({ url: '/pages/members/index' })}
            />
          </CellGroup>
        </>
      )}

      {user.role === 'guest' && (
        <View className='bb-card'>
          <View className='bb-section-title'>绑定企业</View>
          <View className='bb-muted me__hint'>绑定后即可在线提交诉求、预约走访，并收到适合您企业的政策。</View>
          <Button type='primary' block onClick={() => Taro.navigateTo({ url: '/pages/bind/index' })}>
            用信用代码和绑定码绑定
          </Button>
        </View>
      )}

      {user.role === 'guest' && (
        <View className='bb-card'>
          <View className='bb-section-title'>工作人员加入</View>
          <View className='bb-muted me__hint'>镇里的工作人员：输入管理员或部门负责人给您的邀请码，即可用本微信登录工作台。</View>
          <Button block fill='outline' onClick={() => Taro.navigateTo({ url: '/pages/join/index' })}>
            输入邀请码
          </Button>
        </View>
      )}

      <CellGroup title='服务'>
        <Cell
          title='消息'
          extra={unread ? `${unread} 条未读` : undefined}
          clickable
          onClick={() => Taro.navigateTo({ url: '/pages/messages/index' })}
        />
        <Cell title='我的收藏' clickable onClick={() => Taro.navigateTo({ url: '/pages/favourites/index' })} />
        <Cell
          title='帮办代办'
          description={caption('不会办、没空跑，帮办员代您跑')}
          clickable
          onClick={() => Taro.navigateTo({ url: '/packageService/pages/catalogue/index' })}
        />
        <Cell
          title='个人信息与隐私'
          description={caption('查阅、更正、注销我的个人信息')}
          clickable
          onClick={() => Taro.navigateTo({ url: '/pages/privacy/index' })}
        />
        <Cell
          title='关怀模式'
          description={caption('字更大、按钮更大，说明文字更少')}
          extra={<Switch checked={care} onChange={switchCare} ariaLabel='关怀模式' />}
        />
      </CellGroup>

      {isStaff(user.role) && (
        <CellGroup title='工作'>
          {staffToolsFor(user.role, 'me').map((tool) => (
            <Cell
              key={tool.url}
              title={tool.label}
              description={tool.hint && caption(tool.hint)}
              clickable
              onClick={() => openStaffTool(tool)}
            />
          ))}
        </CellGroup>
      )}

      {process.env.TARO_ENV === 'h5' && (
        <Button
          block
          fill='outline'
          onClick={() => {
            clearSession()
            void Taro.reLaunch({ url: LOGIN_PAGE })
          }}
        >
          切换演示身份
        </Button>
      )}
    </View>
  )
}
