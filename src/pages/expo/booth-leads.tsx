import { View } from '@tarojs/components'
import { useAction } from '../../hooks/use-action'
import { formatMoment } from '../../utils/time'

/** For the exhibitor's owner on their own booth's page: who came and who follows, as far as each agreed. */
export function BoothLeads({ exhibitorId }: { exhibitorId: string }) {
  const { data } = useAction('expo.leads', { exhibitorId }, exhibitorId)
  if (!data) return null
  return (
    <View className='bb-card'>
      <View className='bb-section-title'>本展位线索</View>
      <View className='bb-muted'>
        扫码 {data.scans} 人次 · 关注 {data.follows} 人 · 只显示观众同意提供的信息
      </View>
      {data.leads.length === 0 && <View className='expo-lead bb-muted'>还没有人扫码，把展位码放在显眼处吧。</View>}
      {data.leads.map((lead, i) => (
        <View key={i} className='expo-lead'>
          <View className='expo-lead__who'>{lead.name ? `${lead.name} · ${lead.company}` : '一位观众（未提供联系方式）'}</View>
          <View className='bb-muted'>
            {[
              lead.kindLabel,
              lead.phone,
              lead.following ? '已关注' : null,
              lead.scanDays > 0 ? `扫码 ${lead.scanDays} 天` : null,
              formatMoment(lead.at, Date.now()),
            ]
              .filter(Boolean)
              .join(' · ')}
          </View>
        </View>
      ))}
    </View>
  )
}
