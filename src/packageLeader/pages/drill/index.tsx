import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { DRILL_LABELS, type DrillMeasure } from '../../../../cloud/domain/metrics'
import { AppealCard } from '../../../components/appeal-card'
import { useAction } from '../../../hooks/use-action'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'

/** The appeals behind a figure of the dashboard or the bulletin: counted by the figure's own condition. */
export default function DrillPage() {
  const params = useRouter().params
  // From the assessment, a quarter or a year instead of a month.
  const period = params.period || undefined
  const month = period ? undefined : (params.month ?? '')
  const measure = (params.measure ?? 'received') as DrillMeasure
  const departmentId = params.departmentId || undefined
  const category = params.category ? decodeURIComponent(params.category) : undefined
  const title = params.title ? decodeURIComponent(params.title) : DRILL_LABELS[measure]
  const { data } = useAction(
    'bulletin.appeals',
    { month, period, measure, departmentId, category, limit: 50 },
    `${month}${period}${measure}${departmentId}${category}`,
  )
  const now = Date.now()
  return (
    <View className={pageClass()}>
      <View className='bb-section-title'>
        {period ? period.replace(/(\d{4})-Q(\d)/, '$1年$2季度') : `${(month ?? '').replace('-', '年')}月`} · {title}
        <View className='bb-muted'>{data ? `${data.total} 件` : ''}</View>
      </View>
      {!data && <PagePending inline />}
      {data?.items.map((appeal) => (
        <AppealCard key={appeal.id} appeal={appeal} now={now} showEnterprise />
      ))}
      {data && data.total > data.items.length && <View className='bb-muted'>仅显示最近的 {data.items.length} 件。</View>}
      {data?.items.length === 0 && <View className='bb-card bb-muted'>没有诉求。</View>}
    </View>
  )
}
