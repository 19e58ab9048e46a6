import { Text, View } from '@tarojs/components'
import type { AppealEventView } from '../../../cloud/contract'
import { formatMoment } from '../../utils/time'
import './index.scss'

/** Who did what, when, and where it left the appeal; newest first. */
export function Timeline({ events, now }: { events: AppealEventView[]; now: number }) {
  return (
    <View className='timeline'>
      {[...events].reverse().map((event) => (
        <View key={event.seq} className='timeline__item'>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <View className='timeline__head'>
              <Text className='timeline__action'>{event.actionLabel}</Text>
              <Text className='bb-muted'>{formatMoment(event.at, now)}</Text>
            </View>
            <View className='bb-muted'>
              {event.actorName}（{event.actorRoleLabel}）→ {event.toStateLabel}
            </View>
            {event.note && <View className='timeline__note'>{event.note}</View>}
          </View>
        </View>
      ))}
    </View>
  )
}
