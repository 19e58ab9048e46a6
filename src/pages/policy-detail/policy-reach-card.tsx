import { Text, View } from '@tarojs/components'
import { useAction } from '../../hooks/use-action'

/**
 * 政策触达 for staff: who has read, saved and asked about the policy, and which of the enterprises
 * it is for (the officer's own, the department's, or all) nobody has read it for yet.
 */
export function PolicyReachCard({ id }: { id: string }) {
  const { data: reach } = useAction('policy.reach', { id }, id)
  if (!reach) return null
  const figures = [
    ['适用企业', reach.matching],
    ['已阅读企业', reach.seen],
    ['阅读人数', reach.readers],
    ['收藏', reach.favourites],
    ['咨询', reach.consultations],
  ] as const
  return (
    <View className='bb-card policy-reach'>
      <View className='bb-section-title'>政策触达</View>
      <View className='policy-reach__figures'>
        {figures.map(([label, value]) => (
          <View key={label} className='policy-reach__figure'>
            <Text className='policy-reach__value'>{value}</Text>
            <Text className='bb-muted'>{label}</Text>
          </View>
        ))}
      </View>
      {reach.unseen.length > 0 && (
        <>
          <View className='policy-reach__subtitle'>尚未阅读的适用企业（可送政策上门）</View>
          {reach.unseen.map((enterprise) => (
            <View key={enterprise.id} className='policy-reach__enterprise'>
              {enterprise.name}
              <Text className='bb-muted'>
                {' '}
                · {enterprise.park}
                {enterprise.officerName ? ` · ${enterprise.officerName}` : ''}
              </Text>
            </View>
          ))}
        </>
      )}
    </View>
  )
}
