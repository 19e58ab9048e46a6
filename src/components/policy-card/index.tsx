import { Tag } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PolicySummary } from '../../../cloud/contract'
import { CardHead } from '../card-head'
import './index.scss'

/** One policy in a list: what it is in a sentence, who issued it, and whether it still applies. */
export function PolicyCard({ policy, reason }: { policy: PolicySummary; reason?: string }) {
  const open = () => Taro.navigateTo({ url: `/pages/policy-detail/index?id=${encodeURIComponent(policy.id)}` })
  return (
    <View className='policy-card bb-card' onClick={open} role='link' aria-label={policy.title}>
      <CardHead
        title={policy.title}
        tag={
          policy.expired ? (
            <Tag plain round background='var(--bb-text-muted)'>
              已过期
            </Tag>
          ) : (
            <Tag plain round background='var(--bb-primary)'>
              {policy.category}
            </Tag>
          )
        }
      />
      <View className='policy-card__summary'>{policy.summary}</View>
      {reason && <View className='policy-card__reason'>{reason}</View>}
      <View className='policy-card__meta bb-muted'>
        {policy.issuer} · {policy.publishedAt}
        {policy.expiresAt && !policy.expired ? ` · 截止 ${policy.expiresAt}` : ''}
      </View>
    </View>
  )
}
