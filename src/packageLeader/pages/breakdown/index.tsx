import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BREAKDOWNS, percent } from '../../../../cloud/domain/metrics'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { beijing } from '../../../utils/time'
import { drill } from '../../components/drill'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'
import '../dashboard/index.scss'

type By = (typeof BREAKDOWNS)[number]
const LABELS: Record<By, string> = { department: '按部门', officer: '按承办人', category: '按类别', enterprise: '按企业' }

/** The month's figures per department, officer, category or enterprise; a department head sees their department. */
export default function BreakdownPage() {
  const months = [beijing().format('YYYY-MM'), beijing().subtract(1, 'month').format('YYYY-MM')] as const
  const [month, setMonth] = useState<string>(months[0])
  const [by, setBy] = useState<By>('officer')
  const { data } = useAction('bulletin.breakdown', { month, by }, `${month}${by}`)
  return (
    <View className={pageClass('dashboard')}>
      <Chips options={months} value={month} onChange={setMonth} label={(m) => (m === months[0] ? '本月' : '上月')} />
      <Chips options={BREAKDOWNS} value={by} onChange={setBy} label={(b) => LABELS[b]} />
      {!data && <PagePending inline rows={2} />}
      <View className='bb-card'>
        <View className='dashboard__row dashboard__row--head'>
          <Text>{LABELS[by].slice(1)}</Text>
          <Text>件数</Text>
          <Text>响应率</Text>
          <Text>按期率</Text>
          <Text>满意率</Text>
        </View>
        {data?.rows.map((row) => (
          <View
            key={row.departmentId ?? row.name}
            className={`dashboard__row ${row.missed.length ? 'dashboard__row--lagging' : ''}`}
            role='link'
            onClick={() =>
              by === 'category' &&
              drill(month, 'received', { category: row.name, departmentId: data.departmentId ?? undefined }, `${row.name}类诉求`)
            }
          >
            <Text>
              {row.rank ? `${row.rank}. ` : ''}
              {row.name}
            </Text>
            <Text>{row.received}</Text>
            <Text>{percent(row.responseRate)}</Text>
            <Text>{percent(row.onTimeRate)}</Text>
            <Text>{percent(row.satisfactionRate)}</Text>
          </View>
        ))}
        {data?.rows.length === 0 && <View className='bb-muted'>本月没有诉求。</View>}
      </View>
    </View>
  )
}
