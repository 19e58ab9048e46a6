import { Button, Tag } from '@nutui/nutui-react-taro'
import { RichText, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { isStaff } from '../../../cloud/domain/roles'
import { callApi } from '../../api/client'
import { askToSubscribe } from '../../api/subscribe'
import { useAction } from '../../hooks/use-action'
import { useMe } from '../../hooks/use-me'
import { ClaimCard, ClaimFiguresCard } from './claim-card'
import { PolicyReachCard } from './policy-reach-card'
import { PagePending } from '../../components/page-state'
import { markdownNodes } from '../../utils/markdown'
import { pageClass } from '../../hooks/use-care-mode'
import './index.scss'

/**
 * 政策解读: the plain-language explainer, section by section. An owner saves it, shares it, or asks
 * about it (我要咨询 files an appeal about this policy); staff see how far it has reached.
 */
export default function PolicyDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { data: me } = useMe()
  const { data: policy, reload } = useAction('policy.get', { id }, id)
  const [saving, setSaving] = useState(false)
  useShareAppMessage(() => ({
    title: policy ? `${policy.title}｜${policy.summary}` : '惠企政策',
    path: `/pages/policy-detail/index?id=${encodeURIComponent(id)}`,
  }))
  if (!policy) return <PagePending />
  const owner = me?.user.role === 'owner'

  const toggleFavourite = async () => {
    // Someone who saves policies wants to hear of new ones.
    if (!policy.favourite) askToSubscribe(['policy_new'])
    setSaving(true)
    try {
      await callApi('policy.favourite', { id, on: !policy.favourite })
      await reload()
    } finally {
      setSaving(false)
    }
  }
  const consult = () =>
    Taro.navigateTo({ url: `/pages/appeal-new/index?policyId=${encodeURIComponent(id)}&title=${encodeURIComponent(policy.title)}` })

  return (
    <View className={pageClass('policy-detail')}>
      <View className='bb-card'>
        <Text className='policy-detail__title'>{policy.title}</Text>
        <View className='policy-detail__tags'>
          <Tag plain round background='var(--bb-primary)'>
            {policy.category}
          </Tag>
          {policy.expired && (
            <Tag plain round background='var(--bb-text-muted)'>
              已过期
            </Tag>
          )}
        </View>
        <View className='bb-muted'>
          {policy.issuer}
          {policy.docNo ? ` · ${policy.docNo}` : ''}
        </View>
        <View className='bb-muted'>
          {policy.effectiveFrom} 起施行{policy.expiresAt ? `，${policy.expiresAt} 截止` : ''}
        </View>
        {policy.reason && <View className='policy-detail__reason'>与您的企业相关：{policy.reason}</View>}
        <View className='policy-detail__summary'>{policy.summary}</View>
        <View className='policy-detail__actions'>
          <Button size='small' fill='outline' type='primary' loading={saving} onClick={toggleFavourite}>
            {policy.favourite ? '已收藏' : '收藏'}
          </Button>
          {process.env.TARO_ENV === 'weapp' && (
            <Button size='small' fill='outline' openType='share'>
              转发给同事
            </Button>
          )}
        </View>
      </View>
      {me && isStaff(me.user.role) && <PolicyReachCard id={id} />}
      {me && isStaff(me.user.role) && <ClaimFiguresCard policyId={id} />}
      {policy.sections.map((section) => (
        <View key={section.heading} className='bb-card'>
          <View className='bb-section-title'>{section.heading}</View>
          <RichText className='policy-detail__text' userSelect nodes={markdownNodes(section.text)} />
        </View>
      ))}
      {owner && <ClaimCard policyId={id} open={!policy.expired} />}
      {owner && !policy.expired && (
        <View className='policy-detail__consult'>
          <View className='bb-muted'>看不懂、不确定能不能享受，或想请特派员帮着申请：</View>
          <Button type='primary' block onClick={consult}>
            我要咨询 / 申请
          </Button>
        </View>
      )}
    </View>
  )
}
