import { Button, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { BulletinRow, Dashboard } from '../../../../cloud/contract'
import { percent } from '../../../../cloud/domain/metrics'
import { callApi } from '../../../api/client'
import { AppealCard } from '../../../components/appeal-card'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { useSubmit } from '../../../hooks/use-submit'
import { beijing } from '../../../utils/time'
import { Chart, countAxisMax } from '../../components/chart'
import { drill } from '../../components/drill'
import { MonthlyTopicCard } from './monthly-topic-card'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

/** The three ranked rates, each with the appeals that keep it from 100 % one tap away. */
const RATES = [
  ['responseRate', '响应率', 'notRespondedOnTime'],
  ['onTimeRate', '按期办结率', 'notOnTime'],
  ['satisfactionRate', '满意率', 'unsatisfied'],
] as const

const asPercent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10)

/**
 * 领导看板 (leaders and admins): a month read in a minute — the three rates against their targets,
 * their trend by week, the categories and departments, the overdue list to press, how the visits
 * stand and the month's shared problem. Every figure opens the appeals it counts.
 */
export default function DashboardPage() {
  const months = [beijing().format('YYYY-MM'), beijing().subtract(1, 'month').format('YYYY-MM')] as const
  const [month, setMonth] = useState<string>(months[0])
  const { data: dashboard, reload } = useAction('bulletin.dashboard', { month }, month)
  const { data: bulletin } = useAction('bulletin.month', { month }, month)

  return (
    <View className={pageClass('dashboard')}>
      <Chips options={months} value={month} onChange={setMonth} label={(m) => (m === months[0] ? '本月' : '上月')} />
      {!dashboard && <PagePending inline />}
      {dashboard && (
        <>
          <View className='dashboard__rates'>
            {RATES.map(([key, label, measure]) => {
              const value = dashboard.total[key]
              const below = value !== null && value < dashboard.targets[key]
              return (
                <View
                  key={key}
                  className={`dashboard__rate ${below ? 'dashboard__rate--below' : ''}`}
                  role='link'
                  aria-label={label}
                  onClick={() => drill(month, measure, {}, `未达标：${label}`)}
                >
                  <Text className='dashboard__value'>{percent(value)}</Text>
                  <Text className='dashboard__label'>{label}</Text>
                  <Text className='bb-muted dashboard__target'>目标 {percent(dashboard.targets[key])}</Text>
                </View>
              )
            })}
            <View className='dashboard__rate' role='link' aria-label='解决率' onClick={() => drill(month, 'notSolved', {}, '企业说未解决')}>
              <Text className='dashboard__value'>{percent(dashboard.total.resolutionRate)}</Text>
              <Text className='dashboard__label'>解决率</Text>
              <Text className='bb-muted dashboard__target'>企业自己说</Text>
            </View>
          </View>

          {bulletin && (
            <View className='bb-card'>
              <View className='bb-section-title'>
                通报摘要
                <View className='dashboard__links'>
                  <Text className='bb-link' onClick={() => Taro.navigateTo({ url: `/packageLeader/pages/bulletin/index?month=${month}` })}>
                    通报全文
                  </Text>
                  <Text className='bb-link' onClick={() => Taro.navigateTo({ url: '/packageLeader/pages/breakdown/index' })}>
                    分项统计
                  </Text>
                  <Text className='bb-link' onClick={() => Taro.navigateTo({ url: '/packageLeader/pages/assessment/index' })}>
                    督查考核
                  </Text>
                </View>
              </View>
              <Text className='dashboard__summary' userSelect>
                {bulletin.summary}
              </Text>
              <View className='dashboard__counts bb-muted'>
                <Text className='bb-link' onClick={() => drill(month, 'received', {}, '本月受理')}>
                  共 {dashboard.total.received} 件
                </Text>
                {' · '}
                <Text className='bb-link' onClick={() => drill(month, 'resolved', {}, '本月已办结')}>
                  已办结 {dashboard.total.resolved} 件
                </Text>
              </View>
            </View>
          )}

          <Standard total={dashboard.total} month={month} />
          <Trend dashboard={dashboard} />
          <Categories dashboard={dashboard} month={month} />
          <Departments rows={dashboard.departments} month={month} />
          <Overdue dashboard={dashboard} onDone={reload} />
          <Visits dashboard={dashboard} />
          <MonthlyTopicCard month={month} />

          {bulletin && bulletin.help.length > 0 && (
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

/**
 * What 好差评 and 12345 practice hold a town to beyond the three rates: 差评 and their 整改 and 回访,
 * the 督查 office's calls on 好评, returns counted apart, withdrawals, and the pauses for the
 * enterprise to supply something. Each opens the appeals it counts.
 */
function Standard({ total, month }: { total: BulletinRow; month: string }) {
  const line = (label: string, value: string, measure: Parameters<typeof drill>[1], title: string) => (
    <View className='dashboard__visit' role='link' onClick={() => drill(month, measure, {}, title)}>
      <Text>{label}</Text>
      <Text className='bb-link'>{value}</Text>
    </View>
  )
  const r = total.returns
  return (
    <View className='bb-card'>
      <View className='bb-section-title'>好差评、整改与回访</View>
      {line('差评', `${total.badRatings} 件`, 'unsatisfied', '差评')}
      {line('整改率（按期整改）', percent(total.rectifyRate), 'notRectifiedOnTime', '未按期整改')}
      {line('整改后回访率', percent(total.followUpRate), 'notFollowedUp', '整改后未回访')}
      {line(
        '督查抽查回访',
        `${total.spotChecks.checked}/${total.spotChecks.picked} 件，评价不实 ${total.spotChecks.pressured} 件`,
        'spotChecked',
        '督查抽查回访',
      )}
      {line('不予受理（另计）', `${r.total} 件：维持 ${r.upheld}，退回重办 ${r.overturned}，待审核 ${r.pending}`, 'returned', '不予受理')}
      {line('企业撤回', `${total.withdrawn} 件`, 'withdrawn', '企业撤回')}
      {line('待补充暂停计时', `${total.pauses.count} 次，共 ${total.pauses.hours} 小时`, 'paused', '暂停计时')}
    </View>
  )
}

function Trend({ dashboard }: { dashboard: Dashboard }) {
  return (
    <View className='bb-card'>
      <View className='bb-section-title'>按周走势</View>
      <Chart
        type='mix'
        categories={dashboard.weeks.map((w) => w.label)}
        series={[
          { name: '受理量', type: 'column', index: 0, data: dashboard.weeks.map((w) => w.received) },
          { name: '响应率%', type: 'line', index: 1, data: dashboard.weeks.map((w) => asPercent(w.responseRate)) },
          { name: '按期率%', type: 'line', index: 1, data: dashboard.weeks.map((w) => asPercent(w.onTimeRate)) },
          { name: '满意率%', type: 'line', index: 1, data: dashboard.weeks.map((w) => asPercent(w.satisfactionRate)) },
        ]}
        yAxis={[
          { min: 0, max: countAxisMax(dashboard.weeks.map((w) => w.received)) },
          { min: 0, max: 100, position: 'right' },
        ]}
        colors={['#c9d8f5', '#1f5fd6', '#12a06b', '#e08600']}
        height={220}
      />
    </View>
  )
}

function Categories({ dashboard, month }: { dashboard: Dashboard; month: string }) {
  const top = dashboard.categories.slice(0, 6)
  if (top.length === 0) return null
  return (
    <View className='bb-card'>
      <View className='bb-section-title'>诉求类别</View>
      <Chart
        type='column'
        categories={top.map((c) => c.name)}
        series={[{ name: '受理量', data: top.map((c) => c.received) }]}
        yAxis={[{ min: 0, max: countAxisMax(top.map((c) => c.received)) }]}
        height={180}
      />
      <View className='dashboard__chips'>
        {top.map((c) => (
          <Text key={c.name} className='bb-link' onClick={() => drill(month, 'received', { category: c.name }, `${c.name}类诉求`)}>
            {c.name} {c.received}
          </Text>
        ))}
      </View>
    </View>
  )
}

function Departments({ rows, month }: { rows: BulletinRow[]; month: string }) {
  return (
    <View className='bb-card'>
      <View className='bb-section-title'>部门排名</View>
      <View className='dashboard__row dashboard__row--head'>
        <Text>部门</Text>
        <Text>件数</Text>
        {RATES.map(([key, label]) => (
          <Text key={key}>{label.replace('按期办结率', '按期率')}</Text>
        ))}
      </View>
      {rows.map((row) => (
        <View
          key={row.departmentId ?? 'unrouted'}
          className={`dashboard__row ${row.missed.length ? 'dashboard__row--lagging' : ''}`}
          role='link'
          onClick={() => row.departmentId && drill(month, 'received', { departmentId: row.departmentId }, row.name)}
        >
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
      <View className='bb-muted dashboard__note'>红色为未达标部门，计入季度督查和年度考核。点部门看它的诉求。</View>
    </View>
  )
}

function Overdue({ dashboard, onDone }: { dashboard: Dashboard; onDone: () => void }) {
  const [pressing, setPressing] = useState<Dashboard['overdue']['items'][number]>()
  const [note, setNote] = useState('')
  const { error, run } = useSubmit()
  const now = Date.now()
  const supervise = async () => {
    if (!pressing || !(await run(() => callApi('appeal.supervise', { id: pressing.id, version: pressing.version, note })))) return
    setPressing(undefined)
    setNote('')
    void Taro.showToast({ title: '已督办，承办人和部门负责人会收到提醒', icon: 'none' })
    onDone()
  }
  return (
    <View className='bb-card'>
      <View className='bb-section-title'>
        超期未办结 <Text className={dashboard.overdue.total ? 'dashboard__late' : 'bb-muted'}>{dashboard.overdue.total} 件</Text>
      </View>
      {dashboard.overdue.items.length === 0 && <View className='bb-muted'>没有超期的诉求。</View>}
      {dashboard.overdue.items.map((appeal) => (
        <View key={appeal.id}>
          <AppealCard appeal={appeal} now={now} showEnterprise />
          {pressing?.id === appeal.id ? (
            <View className='dashboard__press'>
              <TextArea value={note} onChange={setNote} maxLength={300} rows={2} placeholder='督办要求，如“请于明天下班前答复企业”' />
              {error && <View className='dashboard__late'>{error}</View>}
              <Button type='primary' size='small' onClick={supervise}>
                发送督办
              </Button>
            </View>
          ) : (
            <View className='dashboard__press-row'>
              {appeal.supervisedAt !== null && (
                <Text className='dashboard__pressed'>已督办 {beijing(appeal.supervisedAt).format('M月D日 HH:mm')}</Text>
              )}
              <Button size='small' type='danger' fill='outline' onClick={() => setPressing(appeal)}>
                {appeal.supervisedAt === null ? '督办' : '再次督办'}
              </Button>
            </View>
          )}
        </View>
      ))}
    </View>
  )
}

function Visits({ dashboard }: { dashboard: Dashboard }) {
  return (
    <View className='bb-card' onClick={() => Taro.navigateTo({ url: '/packageVisit/pages/compliance/index' })} role='link'>
      <View className='bb-section-title'>
        走访达标 <Text className='bb-link'>明细 ›</Text>
      </View>
      {dashboard.visits.map((v) => (
        <View key={v.role} className='dashboard__visit'>
          <Text>
            {v.label}（{v.periodLabel || '—'}）
          </Text>
          <Text className={v.peopleBehind ? 'dashboard__late' : 'dashboard__ok'}>
            {v.visited}/{v.covered} 家{v.peopleBehind ? ` · ${v.peopleBehind} 人未达标` : ''}
          </Text>
        </View>
      ))}
      {dashboard.unvisited > 0 && <View className='dashboard__late dashboard__note'>本月还有 {dashboard.unvisited} 家企业无人走访</View>}
    </View>
  )
}
