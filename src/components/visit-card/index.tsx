import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { VisitView } from '../../../cloud/contract'
import { CardHead } from '../card-head'
import './index.scss'

/** Which visits want a hand now: waiting for this person's answer, or still to be recorded. */
export const STATE_TONES: Record<VisitView['state'], string> = {
  requested: 'var(--bb-warning)',
  proposed: 'var(--bb-warning)',
  confirmed: 'var(--bb-primary)',
  done: 'var(--bb-success)',
  declined: 'var(--bb-text-muted)',
  cancelled: 'var(--bb-text-muted)',
}

/** One visit in a list: when, who with whom, about what, and where it stands. */
export function VisitCard({ visit, showEnterprise = false }: { visit: VisitView; showEnterprise?: boolean }) {
  const open = () => Taro.navigateTo({ url: `/packageVisit/pages/visit/index?id=${encodeURIComponent(visit.id)}` })
  return (
    <View className='visit-card bb-card' onClick={open} role='link' aria-label={visit.topic}>
      <CardHead
        title={visit.slotLabel}
        tag={
          <Tag plain round background={STATE_TONES[visit.state]}>
            {visit.stateLabel}
          </Tag>
        }
      />
      <View className='visit-card__topic'>{visit.topic}</View>
      <View className='bb-muted'>
        {visit.kindLabel} · {showEnterprise ? visit.enterprise.name : `${visit.host.name}（${visit.host.roleLabel}）`}
        {visit.state === 'done' && !visit.proven ? <Text className='visit-card__unproven'> · 待企业确认</Text> : null}
      </View>
    </View>
  )
}
