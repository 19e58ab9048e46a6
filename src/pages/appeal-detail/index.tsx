import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AttachmentGrid } from '../../components/attachment-grid'
import { AppealStateTag } from '../../components/appeal-state-tag'
import { CardHead } from '../../components/card-head'
import { ContactCard } from '../../components/contact-card'
import { Timeline } from '../../components/timeline'
import { useAction } from '../../hooks/use-action'
import { formatMoment, formatRemaining } from '../../utils/time'
import { AppealMoves } from './appeal-moves'
import { AppealStanding } from './appeal-standing'
import { AppealRelations, SimilarAppeals } from './similar-appeals'
import { PagePending } from '../../components/page-state'
import { pageClass } from '../../hooks/use-care-mode'
import './index.scss'

/** 诉求详情: where the appeal stands, who holds it, the whole timeline, and what the viewer can do next. */
export default function AppealDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { data: appeal, reload } = useAction('appeal.get', { id }, id)
  if (!appeal) return <PagePending />
  const now = Date.now()

  return (
    <View className={pageClass('appeal-detail')}>
      <View className='bb-card'>
        <CardHead large title={appeal.title} tag={<AppealStateTag appeal={appeal} />} />
        <View className='appeal-detail__number'>
          诉求编号 <Text selectable>{appeal.number}</Text>
        </View>
        <View className='bb-muted'>
          {appeal.category}
          {appeal.urgency === 'urgent' ? ' · 紧急' : ''} · {appeal.enterpriseName}
        </View>
        {appeal.dueAt !== null && (
          <View className={`appeal-detail__due ${appeal.overdue ? 'appeal-detail__due--late' : ''}`}>
            {appeal.dueLabel}：{formatMoment(appeal.dueAt, now)}（{formatRemaining(appeal.dueAt, now)}）
          </View>
        )}
        <View className='appeal-detail__description'>{appeal.description}</View>
        {appeal.attachments.length > 0 && (
          <View className='appeal-detail__attachments'>
            <AttachmentGrid items={appeal.attachments} />
          </View>
        )}
        <AppealRelations appeal={appeal} />
        {appeal.policy && (
          <View
            className='bb-link appeal-detail__about'
            onClick={() => Taro.navigateTo({ url: `/pages/policy-detail/index?id=${encodeURIComponent(appeal.policy!.id)}` })}
          >
            关于政策：{appeal.policy.title} ›
          </View>
        )}
        {appeal.serviceItem && <View className='appeal-detail__about'>帮办事项：{appeal.serviceItem.name}</View>}
        {appeal.help && <View className='appeal-detail__help'>帮扶成效：{appeal.help}</View>}
        <View className='bb-muted'>
          联系人：{appeal.contactName} {appeal.contactPhone}
        </View>
      </View>

      <AppealStanding appeal={appeal} now={now} />
      <AppealMoves appeal={appeal} onDone={reload} />
      <SimilarAppeals appeal={appeal} onDone={reload} />

      {appeal.handler && (
        <View className='bb-card'>
          <ContactCard label={`承办人${appeal.department ? ` · ${appeal.department.name}` : ''}`} person={appeal.handler} />
        </View>
      )}

      <View className='bb-card'>
        <View className='bb-section-title'>办理过程</View>
        <Timeline events={appeal.timeline} now={now} />
      </View>
    </View>
  )
}
