import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Me } from '../../../cloud/contract'
import type { InboxFilter } from '../../../cloud/domain/appeal/lists'
import { percent } from '../../../cloud/domain/metrics'
import { useAction } from '../../hooks/use-action'
import { beijing } from '../../utils/time'
import { inboxFiltersFor, inboxLabel, openInbox, openStaffTool, staffToolsFor } from '../../utils/workbench'

/** What waits first: the urgent ones, then what awaits a decision, then all in hand. */
const TODO_ORDER: InboxFilter[] = ['awaiting_acceptance', 'overdue', 'awaiting_decision', 'open']
const URGENT: InboxFilter[] = ['awaiting_acceptance', 'overdue']

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
  const countOf: Partial<Record<InboxFilter, number>> = {
    awaiting_acceptance: counts?.awaitingAcceptance,
    overdue: counts?.overdue,
    awaiting_decision: counts?.awaitingDecision,
    open: counts?.open,
  }
  const todo = inboxFiltersFor(role, TODO_ORDER).map((filter) => ({
    filter,
    label: inboxLabel(filter, role),
    value: countOf[filter],
    urgent: URGENT.includes(filter),
  }))

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
        {staffToolsFor(role, 'home').map((tool) => (
          <View key={tool.url} className='home__entry' onClick={() => openStaffTool(tool)}>
            <Text className='home__entry-label'>{tool.label}</Text>
            <Text className='bb-muted'>{tool.hint}</Text>
          </View>
        ))}
      </View>
    </>
  )
}
