import { ScrollView, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { percent } from '../../../../cloud/domain/metrics'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { beijing } from '../../../utils/time'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'
import '../bulletin/index.scss'

/** The periods a leader looks at: this quarter, the last one, this year and last year. */
function periods(): string[] {
  const now = beijing()
  const quarter = Math.floor(now.month() / 3) + 1
  const last = quarter === 1 ? `${now.year() - 1}-Q4` : `${now.year()}-Q${quarter - 1}`
  return [`${now.year()}-Q${quarter}`, last, String(now.year()), String(now.year() - 1)]
}
const label = (p: string) => (p.includes('Q') ? p.replace(/(\d{4})-Q(\d)/, '$1年$2季度') : `${p}年度`)

/** 一季一督查, 年终一考核: departments scored on the period's rates with the configured weights. */
export default function AssessmentPage() {
  const options = periods()
  const [period, setPeriod] = useState(options[0])
  const { data } = useAction('bulletin.assessment', { period }, period)
  return (
    <View className={pageClass('bulletin')}>
      <Chips options={options} value={period} onChange={setPeriod} label={label} />
      {!data && <PagePending inline />}
      {data && (
        <View className='bulletin__paper'>
          <View className='bulletin__title'>{data.label}</View>
          {/* Seven columns do not fit a phone: the table scrolls sideways, as the bulletin's does. */}
          <ScrollView scrollX className='bulletin__scroll'>
            <View className='bulletin__table'>
              <View className='bulletin__row bulletin__row--head'>
                <Text>名次</Text>
                <Text>部门</Text>
                <Text>件数</Text>
                <Text>得分</Text>
                <Text>响应率</Text>
                <Text>按期率</Text>
                <Text>满意率</Text>
              </View>
              {data.departments.map((d) => (
                <View key={d.departmentId} className={`bulletin__row ${d.grade === '不合格' ? 'bulletin__row--lagging' : ''}`}>
                  <Text>{d.rank ?? ''}</Text>
                  <Text>
                    {d.name}
                    {d.grade ? `（${d.grade}）` : ''}
                  </Text>
                  <Text>{d.received}</Text>
                  <Text>{d.score ?? '—'}</Text>
                  <Text>{percent(d.responseRate)}</Text>
                  <Text>{percent(d.onTimeRate)}</Text>
                  <Text>{percent(d.satisfactionRate)}</Text>
                </View>
              ))}
            </View>
          </ScrollView>
          <View className='bulletin__note'>
            得分 = 响应率 × {data.weights.responseRate} + 按期办结率 × {data.weights.onTimeRate} + 满意率 × {data.weights.satisfactionRate}
            （满分 100；某项无数据时按其余各项折算）。95 分以上优秀，85 分以上良好，75 分以上合格。
          </View>
        </View>
      )}
    </View>
  )
}
