import { Button } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { INBOX_FILTERS, type InboxFilter } from '../../../../cloud/domain/appeal/lists'
import { AppealCard } from '../../../components/appeal-card'
import { usePagedAction } from '../../../hooks/use-paged-action'
import { useMe } from '../../../hooks/use-me'
import { workbenchTitle } from '../../../utils/workbench'
import { ListFooter } from '../../../components/list-footer'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

const FILTER_LABELS: Record<InboxFilter, string> = {
  open: '在办',
  overdue: '已超时',
  awaiting_acceptance: '待受理',
  awaiting_decision: '待审批',
  done: '已办结',
}

/**
 * The inbox of whoever handles appeals (an officer, a department head, leaders, the 督查 office):
 * what they hold, the most urgent deadline first, with counts per kind; titled for the role.
 */
export default function WorkbenchPage() {
  const { data: me } = useMe()
  const asked = useRouter().params.filter as InboxFilter | undefined
  const [filter, setFilter] = useState<InboxFilter>(asked && INBOX_FILTERS.includes(asked) ? asked : 'open')
  const role = me?.user.role
  useEffect(() => {
    if (role) void Taro.setNavigationBarTitle({ title: workbenchTitle(role) })
  }, [role])
  // Officers approve nothing: their inbox has no 待审批 tab. The 督查 office's holds its reviews and calls.
  const filters = INBOX_FILTERS.filter((f) => f !== 'awaiting_decision' || (me && me.user.role !== 'officer'))
  const labelOf = (f: InboxFilter) => (f === 'awaiting_decision' && me?.user.role === 'admin' ? '督查待办' : FILTER_LABELS[f])
  const { items, first: data, loadingMore } = usePagedAction('appeal.inbox', { filter }, filter)
  const now = Date.now()
  const counts = data?.counts
  const countOf: Record<InboxFilter, number | undefined> = {
    open: counts?.open,
    overdue: counts?.overdue,
    awaiting_acceptance: counts?.awaitingAcceptance,
    awaiting_decision: counts?.awaitingDecision,
    done: counts?.done,
  }

  return (
    <View className={pageClass('workbench')}>
      <View className='workbench__counts'>
        {filters.map((f) => (
          <View
            key={f}
            role='tab'
            aria-selected={f === filter}
            className={`workbench__count ${f === filter ? 'workbench__count--active' : ''} ${f === 'overdue' && countOf[f] ? 'workbench__count--late' : ''}`}
            onClick={() => setFilter(f)}
          >
            <View className='workbench__number'>{countOf[f] ?? '–'}</View>
            <View className='bb-muted'>{labelOf(f)}</View>
          </View>
        ))}
      </View>
      {me && me.user.role !== 'admin' && (
        <Button
          block
          fill='outline'
          type='primary'
          className='workbench__file-for'
          onClick={() => Taro.navigateTo({ url: '/packageOfficer/pages/file-for/index' })}
        >
          代为登记诉求（来电、12345 工单、窗口）
        </Button>
      )}
      {!items && <PagePending inline rows={2} />}
      {items?.map((appeal) => (
        <AppealCard key={appeal.id} appeal={appeal} now={now} showEnterprise />
      ))}
      {items?.length === 0 && <View className='bb-card bb-muted'>这里没有诉求。</View>}
      {data && items && <ListFooter shown={items.length} total={data.total} loadingMore={loadingMore} />}
    </View>
  )
}
