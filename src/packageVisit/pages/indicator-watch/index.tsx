import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { IndicatorGroupView } from '../../../../cloud/contract'
import { Chips } from '../../../components/chips'
import { PagePending } from '../../../components/page-state'
import { useAction } from '../../../hooks/use-action'
import { pageClass } from '../../../hooks/use-care-mode'
import { useMe } from '../../../hooks/use-me'
import { beijing, reportableMonths } from '../../../utils/time'
import { indicatorsUrl } from '../../../utils/workbench'
import '../visit-pages.scss'

/** How many unreported firms are shown before the person asks for more. */
const STEP = 30
const GROUPINGS = { industry: '按行业', park: '按园区' } as const
type Grouping = keyof typeof GROUPINGS

/** A sum to one decimal: sums of decimals carry float noise. */
const round = (n: number) => Math.round(n * 10) / 10

/**
 * 经营监测 (staff): for a month, the firms I cover that have not reported their figures (迟报名单),
 * each opening its twelve months, where its officer may report on its behalf; leaders and the
 * 督查 office also see the town's month by industry or park against last year's.
 */
export default function IndicatorWatchPage() {
  const months = reportableMonths()
  const [month, setMonth] = useState(months[0])
  const { data: me } = useMe()
  const leads = me?.user.role === 'leader' || me?.user.role === 'admin'

  return (
    <View className={pageClass('visit-pages')}>
      <View className='bb-card'>
        <View className='bb-section-title'>月份</View>
        <Chips options={months} value={month} onChange={setMonth} />
      </View>
      <LateFirms key={month} month={month} />
      {leads && <TownMonth month={month} />}
    </View>
  )
}

function LateFirms({ month }: { month: string }) {
  const { data } = useAction('indicator.late', { month }, month)
  const [shown, setShown] = useState(STEP)
  if (!data) return <PagePending inline rows={3} />
  const reminders = beijing(data.remindFrom).format('M 月 D 日')
  return (
    <View className='bb-card'>
      <View className='bb-section-title'>
        {data.over ? '逾期未报' : '尚未填报'}（{data.firms.length} 家）
      </View>
      <View className='bb-muted'>
        {data.over ? `${month} 已结束，以下企业还没有填报经营数据。` : `月底提醒自 ${reminders} 起发给未填报企业的负责人。`}
      </View>
      {data.firms.length === 0 && <View className='visit-pages__hint visit-pages__ok'>包联企业都已填报。</View>}
      {data.firms.length > 0 && (
        <CellGroup>
          {data.firms.slice(0, shown).map((f) => (
            <Cell
              key={f.enterpriseId}
              title={f.name}
              description={`${f.officerName ?? '未包保'}${f.departmentName ? ` · ${f.departmentName}` : ''}`}
              extra={f.reminded ? '已提醒' : ''}
              clickable
              onClick={() => void Taro.navigateTo({ url: indicatorsUrl(f.enterpriseId) })}
            />
          ))}
        </CellGroup>
      )}
      {data.firms.length > shown && (
        <Button size='small' fill='outline' onClick={() => setShown(shown + STEP)}>
          再显示 {Math.min(STEP, data.firms.length - shown)} 家
        </Button>
      )}
    </View>
  )
}

function TownMonth({ month }: { month: string }) {
  const [by, setBy] = useState<Grouping>('industry')
  const { data } = useAction('indicator.town', { month, by }, `${month}-${by}`)
  return (
    <View className='bb-card'>
      <View className='bb-section-title'>全镇经营数据</View>
      <Chips options={Object.keys(GROUPINGS) as Grouping[]} value={by} onChange={setBy} label={(g) => GROUPINGS[g]} />
      {!data && <PagePending inline rows={2} />}
      {data && data.groups.length === 0 && <View className='bb-muted'>{month} 还没有企业填报。</View>}
      {data?.groups.map((g) => (
        <GroupRow key={g.group} group={g} />
      ))}
    </View>
  )
}

function GroupRow({ group: g }: { group: IndicatorGroupView }) {
  const lastYear = g.revenueComparableLastYear
  const change = g.revenueComparable !== null && lastYear ? round(((g.revenueComparable - lastYear) / lastYear) * 100) : null
  const others = [
    g.employees !== null && `用工 ${g.employees} 人`,
    g.tax !== null && `纳税 ${round(g.tax)} 万元`,
    g.shortOrders ? `订单不足 ${g.shortOrders} 家` : '',
  ].filter(Boolean)
  return (
    <View className='visit-pages__row'>
      <View>{g.group || '未分类'}</View>
      <View>
        {g.firms} 家填报{g.revenue !== null && ` · 产值 ${round(g.revenue)} 万元`}
        {change !== null && (
          <View className={change < 0 ? 'visit-pages__late' : 'visit-pages__ok'}>
            同口径同比{change < 0 ? `下降 ${-change}` : `增长 ${change}`}%
          </View>
        )}
        {others.length > 0 && <View className='bb-muted'>{others.join(' · ')}</View>}
      </View>
    </View>
  )
}
