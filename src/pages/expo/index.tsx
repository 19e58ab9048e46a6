import { Button, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { ExpoLanding, ExpoVisitorView } from '../../../cloud/contract'
import { parseScene } from '../../../cloud/domain/expo-scene'
import { callApi } from '../../api/client'
import { currentToken, rememberReturn } from '../../api/session'
import { PolicyCard } from '../../components/policy-card'
import { useAction } from '../../hooks/use-action'
import { useMe } from '../../hooks/use-me'
import { BoothLeads } from './booth-leads'
import { ExpoNotFound } from './not-found'
import { RegisterForm } from './register-form'
import { useScene } from './use-scene'
import { PagePending } from '../../components/page-state'
import { pageClass } from '../../hooks/use-care-mode'
import './index.scss'

type Found = Extract<ExpoLanding, { found: true }>

/**
 * 展会扫码: where a code at the entrance or a booth lands. It shows the exhibition, or the booth's
 * exhibitor card, and what a visitor does there: register, apply as a VIP buyer, follow the
 * exhibitor, raise an on-site appeal, read the featured policies, book a visit. Light on purpose:
 * it is in the main package, since a scan opens it directly.
 */
export default function ExpoPage() {
  const scene = useScene()
  const wellFormed = parseScene(scene) !== null
  useEffect(() => {
    // The browser build signs in first (the call below sends it to log in); the booth opens again afterwards.
    if (process.env.TARO_ENV === 'h5' && wellFormed && !currentToken())
      rememberReturn(`/pages/expo/index?scene=${encodeURIComponent(scene)}`)
  }, [scene, wellFormed])
  const { data, error, reload } = useAction('expo.open', { scene }, scene, { skip: !wellFormed })

  if (!wellFormed)
    return (
      <View className={pageClass()}>
        <ExpoNotFound reason='malformed' message='这个二维码无法识别，可能不是展会的码，或没有扫完整。' />
      </View>
    )
  if (error)
    return (
      <View className={pageClass()}>
        <ExpoNotFound reason='failed' message={error.message} onRetry={() => void reload()} />
      </View>
    )
  if (!data) return <PagePending />
  if (!data.found)
    return (
      <View className={pageClass()}>
        <ExpoNotFound reason={data.reason} message={data.message} />
      </View>
    )
  return <Landing landing={data} />
}

function Landing({ landing }: { landing: Found }) {
  const { exhibition, booth } = landing
  const { data: me } = useMe()
  const [registration, setRegistration] = useState<ExpoVisitorView | null>(landing.registration)
  const [following, setFollowing] = useState(landing.following)
  const [form, setForm] = useState<'visitor' | 'vip' | null>(null)
  useEffect(() => {
    setRegistration(landing.registration)
    setFollowing(landing.following)
  }, [landing])

  const follow = async () => {
    if (!booth) return
    const next = await callApi('expo.follow', { exhibitorId: booth.id, on: !following })
    setFollowing(next.following)
    void Taro.showToast({ title: next.following ? '已关注展商' : '已取消关注', icon: 'none' })
  }
  const appeal = () => {
    if (!landing.canAppeal) {
      void Taro.navigateTo({ url: '/pages/bind/index' })
      return
    }
    void Taro.navigateTo({
      url: `/pages/appeal-new/index?exhibitionId=${encodeURIComponent(exhibition.id)}&title=${encodeURIComponent(exhibition.name)}`,
    })
  }
  const registered = (view: ExpoVisitorView) => {
    setRegistration(view)
    setForm(null)
    void Taro.showToast({ title: view.kind === 'vip' ? 'VIP 登记成功' : '登记成功', icon: 'success' })
  }
  // The exhibitor on its own booth sees its leads, not a visitor's buttons.
  const visiting = !landing.ownBooth
  const guestName = me?.user.role === 'guest' ? '' : (me?.user.name ?? '')
  const defaults = registration ?? { name: guestName, phone: me?.user.phone ?? '', company: me?.enterprise?.name ?? '' }

  return (
    <View className={pageClass('expo')}>
      <View className='expo__hero'>
        <Text className='expo__name'>{exhibition.name}</Text>
        {exhibition.theme && <Text className='expo__theme'>{exhibition.theme}</Text>}
        <Text className='expo__meta'>
          {exhibition.dateLabel} · {exhibition.venue} · {exhibition.phaseLabel}
        </Text>
      </View>

      {booth && (
        <View className='bb-card expo-booth'>
          <View className='expo-booth__head'>
            <Text className='expo-booth__no'>{booth.boothNo} 展位</Text>
            <Text className='bb-muted'>{booth.hall}</Text>
            {booth.freeZone && (
              <Tag plain round background='var(--bb-success)'>
                乡村振兴展区
              </Tag>
            )}
          </View>
          <Text className='expo-booth__name'>{booth.name}</Text>
          {booth.intro && <View className='expo-booth__intro'>{booth.intro}</View>}
          <View className='expo-booth__products'>
            {booth.products.map((p) => (
              <Text key={p} className='expo-booth__product'>
                {p}
              </Text>
            ))}
          </View>
          <View className='expo-booth__contact'>
            <Text>
              展位联系人：{booth.contact.name} {booth.contact.phone}
            </Text>
            <Button size='small' type='primary' fill='outline' onClick={() => Taro.makePhoneCall({ phoneNumber: booth.contact.phone })}>
              打电话
            </Button>
          </View>
        </View>
      )}

      {landing.ownBooth && booth && <BoothLeads exhibitorId={booth.id} />}

      {registration && (
        <View className='expo__registered' role='status'>
          已登记为{registration.kindLabel}：{registration.name} · {registration.company}
          {registration.shareContact ? '（已同意向展商提供联系方式）' : ''}
        </View>
      )}

      {form ? (
        <RegisterForm
          key={form}
          exhibitionId={exhibition.id}
          vip={form === 'vip'}
          defaults={defaults}
          onDone={registered}
          onCancel={() => setForm(null)}
        />
      ) : (
        <View className='expo-actions'>
          {visiting && registration?.kind !== 'vip' && (
            <View className='expo-actions__item' role='button' onClick={() => setForm('visitor')}>
              <Text className='expo-actions__label'>{registration ? '修改登记' : '登记观众'}</Text>
              <Text className='bb-muted'>入场、论坛提醒</Text>
            </View>
          )}
          {visiting && registration?.kind !== 'vip' && (
            <View className='expo-actions__item' role='button' onClick={() => setForm('vip')}>
              <Text className='expo-actions__label'>VIP 采购商</Text>
              <Text className='bb-muted'>凭邀请码登记</Text>
            </View>
          )}
          {visiting && booth && (
            <View className='expo-actions__item' role='button' onClick={() => void follow()}>
              <Text className='expo-actions__label'>{following ? '已关注' : '关注展商'}</Text>
              <Text className='bb-muted'>{following ? '再点取消关注' : '展后也能找到它'}</Text>
            </View>
          )}
          {me?.user.role === 'owner' || me?.user.role === 'guest' ? (
            <View className='expo-actions__item' role='button' onClick={appeal}>
              <Text className='expo-actions__label'>现场诉求</Text>
              <Text className='bb-muted'>{landing.canAppeal ? '现场提，专人办' : '绑定企业后可提'}</Text>
            </View>
          ) : null}
          <View className='expo-actions__item' role='button' onClick={() => Taro.switchTab({ url: '/pages/visits/index' })}>
            <Text className='expo-actions__label'>预约走访</Text>
            <Text className='bb-muted'>特派员上门</Text>
          </View>
        </View>
      )}

      {exhibition.forum.length > 0 && (
        <View className='bb-card'>
          <View className='bb-section-title'>论坛日程</View>
          {exhibition.forum.map((f) => (
            <View key={`${f.day}${f.time}`} className='expo-forum'>
              <Text className='expo-forum__time'>
                {f.day.slice(5).replace('-', '月')}日 {f.time}
              </Text>
              <Text className='expo-forum__title'>{f.title}</Text>
              <Text className='bb-muted'>{f.place}</Text>
            </View>
          ))}
          <View className='bb-muted expo__facts'>
            {exhibition.boothCount} 个展位 · {(exhibition.areaM2 / 10_000).toFixed(1)} 万平方米 · {exhibition.halls.join('、')}
          </View>
        </View>
      )}

      {landing.policies.length > 0 && (
        <View>
          <View className='bb-section-title'>展会推荐政策</View>
          {landing.policies.map((policy) => (
            <PolicyCard key={policy.id} policy={policy} />
          ))}
        </View>
      )}
    </View>
  )
}
