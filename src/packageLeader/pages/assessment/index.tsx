import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { percent } from '../../../../cloud/domain/metrics'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { useMe } from '../../../hooks/use-me'
import { pageClass } from '../../../hooks/use-care-mode'
import { beijing } from '../../../utils/time'
import './index.scss'
import { WeightsCard } from './weights-card'

/** The periods a leader looks at: this quarter, the last one, this year and last year. */
function periods(): string[] {
  const now = beijing()
  const quarter = Math.floor(now.month() / 3) + 1
  const last = quarter === 1 ? `${now.year() - 1}-Q4` : `${now.year()}-Q${quarter - 1}`
  return [`${now.year()}-Q${quarter}`, last, String(now.year()), String(now.year() - 1)]
}
const label = (p: string) => (p.includes('Q') ? p.replace(/(\d{4})-Q(\d)/, '$1年$2季度') : `${p}年度`)
const weightText = (w: number) => `${Math.round(w * 100)}%`

/**
 * 一季一督查, 年终一考核: each department's score from its components (the appeal rates, visits,
 * plan milestones, key projects, confirmed help, inspection findings) with the weights in force;
 * every line shows what it counted and opens the list behind it.
 */
export default function AssessmentPage() {
  const options = periods()
  const [period, setPeriod] = useState(options[0])
  const { data, reload } = useAction('bulletin.assessment', { period }, period)
  const { data: me } = useMe()
  return (
    <View className={pageClass('assessment')}>
      <Chips options={options} value={period} onChange={setPeriod} label={label} />
      <View className='bb-card' onClick={() => void Taro.navigateTo({ url: '/packageLeader/pages/inspection/index' })}>
        一季一督查：记录督查、跟踪整改 ›
      </View>
      {data && me?.user.role === 'admin' && <WeightsCard key={JSON.stringify(data.weights)} weights={data.weights} onSaved={reload} />}
      {data && (
        <>
          <View className='bb-section-title'>{data.label}</View>
          {data.departments.map((d) => (
            <View key={d.departmentId} className='bb-card assessment__dept'>
              <View className='assessment__head'>
                <Text>
                  {d.rank ? `${d.rank}. ` : ''}
                  {d.name}
                </Text>
                <Text className={`assessment__score ${d.grade === '不合格' ? 'assessment__score--lagging' : ''}`}>
                  {d.score === null ? '无数据' : `${d.score} 分 ${d.grade}`}
                </Text>
              </View>
              {d.components.map((c) => (
                <View
                  key={c.component}
                  className={`assessment__line ${c.rate === null ? 'assessment__line--off' : ''}`}
                  onClick={() => void Taro.navigateTo({ url: c.link })}
                >
                  <Text>
                    {c.label}（{weightText(c.weight)}）
                  </Text>
                  <Text>{percent(c.rate)}</Text>
                  <Text>
                    {c.done}/{c.due}
                  </Text>
                  <Text>{c.rate === null ? '不计' : `${c.points} 分`}</Text>
                </View>
              ))}
            </View>
          ))}
          <View className='assessment__note'>
            权重为{data.weightsSource === 'town' ? '全镇设置' : '部署默认配置'}；某项无数据时不计，其余各项按权重折算（满分 100）。95
            分以上优秀，85 分以上良好，75 分以上合格。点按任一项查看所计明细。
          </View>
        </>
      )}
    </View>
  )
}
