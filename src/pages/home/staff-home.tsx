import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Me } from '../../../cloud/contract'
import type { InboxFilter } from '../../../cloud/domain/appeal/lists'
import { percent } from '../../../cloud/domain/metrics'
import { askToSubscribe } from '../../api/subscribe'
import { useAction } from '../../hooks/use-action'
import { beijing } from '../../utils/time'
import { workbenchTitle, WORKBENCH_URL } from '../../utils/workbench'

const openInbox = (filter: InboxFilter) => {
  askToSubscribe(['appeal_task'])
  void Taro.navigateTo({ url: `${WORKBENCH_URL}?filter=${filter}` })
}

/**
 * 首页 for staff: what waits for them today — to accept, overdue, to approve, in hand — each one
 * tap from its list; for leaders and the 督查 office, this month's three rates against their targets.
 */
export function StaffHome({ me }: { me: Me }) {
  const role = me.user.role
  const { data: inbox } = useAction('appeal.inbox', { filter: 'open', limit: 1 })
  const leads = role === 'leader' || role === 'admin'
  const month = beijing().format('YYYY-MM')
  const { data: dashboard } = useAction('bulletin.dashboard', { month }, month, { skip: !leads })
  const counts = inbox?.counts
  const todo: { filter: InboxFilter; label: string; value?: number; urgent?: boolean }[] = [
    { filter: 'awaiting_acceptance', label: '待受理', value: counts?.awaitingAcceptance, urgent: true },
    { filter: 'overdue', label: '已超时', value: counts?.overdue, urgent: true },
    ...(role === 'officer'
      ? []
      : [{ filter: 'awaiting_decision' as const, label: role === 'admin' ? '督查待办' : '待审批', value: counts?.awaitingDecision }]),
    { filter: 'open', label: '在办', value: counts?.open },
  ]
  const entries = [
    { label: workbenchTitle(role), hint: '受理、办理、办结', go: () => openInbox('open') },
    ...(leads
      ? [{ label: '领导看板', hint: '三率、走势、超期', go: () => Taro.navigateTo({ url: '/packageLeader/pages/dashboard/index' }) }]
      : []),
    { label: '走访', hint: '预约与记录', go: () => Taro.switchTab({ url: '/pages/visits/index' }) },
    { label: '惠企政策', hint: '推送与触达', go: () => Taro.switchTab({ url: '/pages/policies/index' }) },
  ]

  return (
    <>
      <View className='bb-card'>
        <View className='bb-section-title'>今日待办</View>
        <View className='home__todo'>
          {todo.map((t) => (
            <View
              key={t.filter}
              role='link'
              aria-label={`${t.label} ${t.value ?? ''}`}
              className={`home__todo-item ${t.urgent && t.value ? 'home__todo-item--urgent' : ''}`}
              onClick={() => openInbox(t.filter)}
            >
              <Text className='home__todo-number'>{t.value ?? '–'}</Text>
              <Text className='bb-muted'>{t.label}</Text>
            </View>
          ))}
        </View>
      </View>

      {leads && dashboard && (
        <View className='bb-card' onClick={() => Taro.navigateTo({ url: '/packageLeader/pages/dashboard/index' })}>
          <View className='bb-section-title'>本月三率（{beijing().format('M月')}）</View>
          <View className='home__rates'>
            {(
              [
                ['响应率', dashboard.total.responseRate, dashboard.targets.responseRate],
                ['按期办结率', dashboard.total.onTimeRate, dashboard.targets.onTimeRate],
                ['满意率', dashboard.total.satisfactionRate, dashboard.targets.satisfactionRate],
              ] as const
            ).map(([label, rate, target]) => (
              <View key={label} className={`home__rate ${rate === null ? 'home__rate--none' : rate < target ? 'home__rate--behind' : ''}`}>
                <Text className='home__rate-value'>{percent(rate)}</Text>
                <Text className='bb-muted'>{label}</Text>
                <Text className='bb-muted'>目标 {percent(target)}</Text>
              </View>
            ))}
          </View>
          <View className='bb-muted'>
            收到 {dashboard.total.received} 件 · 全镇超期 {dashboard.overdue.total} 件 · 本月未走访企业 {dashboard.unvisited} 家
          </View>
        </View>
      )}

      <View className='home__entries'>
        {entries.map((entry) => (
          <View key={entry.label} className='home__entry' onClick={entry.go}>
            <Text className='home__entry-label'>{entry.label}</Text>
            <Text className='bb-muted'>{entry.hint}</Text>
          </View>
        ))}
      </View>
    </>
  )
}
