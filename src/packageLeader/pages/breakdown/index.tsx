import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { BREAKDOWNS, percent } from '../../../../cloud/domain/metrics'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { useMe } from '../../../hooks/use-me'
import { beijing } from '../../../utils/time'
import { drill } from '../../components/drill'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'
import { PressCard } from './press-card'
import '../dashboard/index.scss'
import './index.scss'

type By = (typeof BREAKDOWNS)[number]
const LABELS: Record<By, string> = { department: '按部门', officer: '按承办人', category: '按类别', enterprise: '按企业' }

/**
 * The month's figures per department, officer, category or enterprise; a department head sees their
 * department, and the month's 督办 of it to answer. A 督办 message opens it at its month (?month=).
 */
export default function BreakdownPage() {
  const asked = useRouter().params.month
  const recent = [beijing().format('YYYY-MM'), beijing().subtract(1, 'month').format('YYYY-MM')]
  const months = asked && /^\d{4}-\d{2}$/.test(asked) && !recent.includes(asked) ? [...recent, asked] : recent
  const [month, setMonth] = useState<string>(asked && months.includes(asked) ? asked : recent[0])
  const [by, setBy] = useState<By>('officer')
  const { data: me } = useMe()
  const { data, reload } = useAction('bulletin.breakdown', { month, by }, `${month}${by}`)
  const monthLabel = (m: string) => (m === recent[0] ? '本月' : m === recent[1] ? '上月' : `${Number(m.slice(5))}月`)
  return (
    <View className={pageClass('dashboard')}>
      <Chips options={months} value={month} onChange={setMonth} label={monthLabel} />
      {data?.press && (
        <PressCard
          key={`${data.press.month}${data.press.state}`}
          press={data.press}
          canAnswer={me?.user.role === 'dept_head'}
          onAnswered={reload}
        />
      )}
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
