import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { BulletinRow } from '../../../../cloud/contract'
import { percent } from '../../../../cloud/domain/metrics'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { beijing } from '../../../utils/time'
import './index.scss'

const RATES = [
  ['responseRate', '响应率'],
  ['onTimeRate', '按期办结率'],
  ['satisfactionRate', '满意率'],
] as const

/**
 * 领导看板 (leaders and admins): a month read in a minute — the three rates against their targets,
 * the summary to read out, departments ranked with the lagging ones marked, and the help delivered.
 */
export default function DashboardPage() {
  const months = [beijing().format('YYYY-MM'), beijing().subtract(1, 'month').format('YYYY-MM')] as const
  const [month, setMonth] = useState<string>(months[0])
  const { data: bulletin } = useAction('bulletin.month', { month }, month)

  return (
    <View className='bb-page dashboard'>
      <Chips options={months} value={month} onChange={setMonth} label={(m) => (m === months[0] ? '本月' : '上月')} />
      {bulletin && (
        <>
          <View className='dashboard__rates'>
            {RATES.map(([key, label]) => {
              const value = bulletin.total[key]
              const below = value !== null && value < bulletin.targets[key]
              return (
                <View key={key} className={`dashboard__rate ${below ? 'dashboard__rate--below' : ''}`}>
                  <Text className='dashboard__value'>{percent(value)}</Text>
                  <Text className='dashboard__label'>{label}</Text>
                  <Text className='bb-muted dashboard__target'>目标 {percent(bulletin.targets[key])}</Text>
                </View>
              )
            })}
          </View>

          <View className='bb-card'>
            <View className='bb-section-title'>通报摘要</View>
            <Text className='dashboard__summary' userSelect>
              {bulletin.summary}
            </Text>
            <View className='dashboard__counts bb-muted'>
              共 {bulletin.total.received} 件 · 已办结 {bulletin.total.resolved} 件 ·
              <Text className='bb-link' onClick={() => Taro.navigateTo({ url: '/packageOfficer/pages/workbench/index' })}>
                {' '}超期 {bulletin.total.overdue} 件 ›
              </Text>
            </View>
          </View>

          <View className='bb-card'>
            <View className='bb-section-title'>部门排名</View>
            <View className='dashboard__row dashboard__row--head'>
              <Text>部门</Text>
              <Text>件数</Text>
              {RATES.map(([key, label]) => (
                <Text key={key}>{label.replace('按期办结率', '按期率')}</Text>
              ))}
            </View>
            {bulletin.departments.map((row: BulletinRow) => (
              <View key={row.departmentId ?? 'unrouted'} className={`dashboard__row ${row.missed.length ? 'dashboard__row--lagging' : ''}`}>
                <Text>
                  {row.rank ? `${row.rank}. ` : ''}
                  {row.name}
                </Text>
                <Text>{row.received}</Text>
                {RATES.map(([key]) => (
                  <Text key={key}>{percent(row[key])}</Text>
                ))}
              </View>
            ))}
            <View className='bb-muted dashboard__note'>红色为未达标部门，计入季度督查和年度考核。</View>
          </View>

          {bulletin.help.length > 0 && (
            <View className='bb-card'>
              <View className='bb-section-title'>帮扶成效</View>
              {bulletin.help.map((h) => (
                <View key={h.kind} className='dashboard__help'>
                  {h.text}
                </View>
              ))}
            </View>
          )}
        </>
      )}
    </View>
  )
}
