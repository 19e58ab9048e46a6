import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ContactCard } from '../../components/contact-card'
import { PolicyCard } from '../../components/policy-card'
import { PagePending } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { useMe } from '../../hooks/use-me'
import { useUnreadBadge } from '../../hooks/use-unread-badge'
import { isStaff } from '../../../cloud/domain/roles'
import { StaffHome } from './staff-home'
import { pageClass } from '../../hooks/use-care-mode'
import './index.scss'

const entries = (accept: string) => [
  { label: '提交诉求', hint: accept, url: '/pages/appeals/index' },
  { label: '惠企政策', hint: '看得懂 用得上', url: '/pages/policies/index' },
  { label: '预约走访', hint: '特派员上门', url: '/pages/visits/index' },
  { label: '我的企业', hint: '一企一档', url: '/pages/me/index' },
]

/**
 * 首页: who I am and what I come here for. An enterprise: the four things it files, reads and books,
 * and the people who serve it. Staff: what waits for them (staff-home.tsx). Everyone: new policies.
 */
export default function HomePage() {
  const { data: me } = useMe()
  useUnreadBadge()
  // 最新政策 are those still in force: an expired 2022 notice is not news.
  const { data: latest } = useAction('policy.list', { limit: 10 })
  const current = latest?.items.filter((p) => !p.expired).slice(0, 3)

  return (
    <View className={pageClass('home')}>
      <View className='home__hero'>
        <Text className='home__greeting'>{me ? `您好，${me.user.name}` : '您好'}</Text>
        <Text className='home__subtitle'>
          {me?.enterprise?.name ?? me?.user.title ?? (me && `企业诉求${me.promise.accept}，一般诉求${me.promise.close}`)}
        </Text>
      </View>

      {/* Until the server says who this is, neither an owner's entries nor a staff member's work. */}
      {!me ? (
        <PagePending inline rows={2} />
      ) : isStaff(me.user.role) ? (
        <StaffHome me={me} />
      ) : (
        <>
          <View className='home__entries'>
            {entries(me.promise.accept).map((entry) => (
              <View key={entry.url} className='home__entry' onClick={() => Taro.switchTab({ url: entry.url })}>
                <Text className='home__entry-label'>{entry.label}</Text>
                <Text className='bb-muted'>{entry.hint}</Text>
              </View>
            ))}
          </View>

          {me.enterprise && (
            <View className='bb-card'>
              <View className='bb-section-title'>为您服务</View>
              <ContactCard label='驻企特派员' person={me.enterprise.officer} />
              <ContactCard label='包抓领导' person={me.enterprise.leader} />
            </View>
          )}
        </>
      )}

      <View className='bb-section-title'>
        最新政策
        <Text className='bb-link' onClick={() => Taro.switchTab({ url: '/pages/policies/index' })}>
          全部
        </Text>
      </View>
      {/* One 重试 card on the page: the one above stands for both when 我 did not load either. */}
      {current ? current.map((policy) => <PolicyCard key={policy.id} policy={policy} />) : me && <PagePending inline rows={2} />}
    </View>
  )
}
