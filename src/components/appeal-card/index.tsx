import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AppealSummary } from '../../../cloud/contract'
import { formatMoment, formatRemaining } from '../../utils/time'
import { AppealStateTag } from '../appeal-state-tag'
import { CardHead } from '../card-head'
import './index.scss'

/** One appeal in a list: what, where it stands, and the clock that runs on it. */
export function AppealCard({ appeal, now, showEnterprise = false }: { appeal: AppealSummary; now: number; showEnterprise?: boolean }) {
  const open = () => Taro.navigateTo({ url: `/pages/appeal-detail/index?id=${encodeURIComponent(appeal.id)}` })
  return (
    <View className='appeal-card bb-card' onClick={open} role='link' aria-label={appeal.title}>
      <CardHead title={appeal.title} tag={<AppealStateTag appeal={appeal} />} />
      <View className='bb-muted'>
        {appeal.category}
        {appeal.urgency === 'urgent' ? ' · 紧急' : ''}
        {showEnterprise ? ` · ${appeal.enterpriseName}` : ''}
        {appeal.handlerName ? ` · 承办：${appeal.handlerName}` : ''}
      </View>
      <View className='appeal-card__foot'>
        <Text className='bb-muted'>
          {appeal.number} · {formatMoment(appeal.submittedAt, now)} 提交
        </Text>
        {appeal.dueAt !== null && (
          <Text className={`appeal-card__due ${appeal.overdue ? 'appeal-card__due--late' : ''}`}>
            {appeal.dueLabel} {formatRemaining(appeal.dueAt, now)}
          </Text>
        )}
      </View>
    </View>
  )
}
