import { Button, SearchBar } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { INBOX_FILTERS, type InboxFilter } from '../../../../cloud/domain/appeal/lists'
import { AppealCard } from '../../../components/appeal-card'
import { useAction } from '../../../hooks/use-action'
import { usePagedAction } from '../../../hooks/use-paged-action'
import { useMe } from '../../../hooks/use-me'
import { inboxFiltersFor, inboxLabel, workbenchTitle } from '../../../utils/workbench'
import { ListFooter } from '../../../components/list-footer'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

/**
 * The inbox of whoever handles appeals (an officer, a department head, leaders, the 督查 office):
 * what they hold, the most urgent deadline first, with counts per kind; titled for the role.
 */
export default function WorkbenchPage() {
  const { data: me } = useMe()
  const asked = useRouter().params.filter as InboxFilter | undefined
  const [filter, setFilter] = useState<InboxFilter>(asked && INBOX_FILTERS.includes(asked) ? asked : 'open')
  // A 诉求编号 a caller reads out (2026-11-0042), or words of a title: found in this inbox only.
  const [search, setSearch] = useState('')
  const searching = search.length > 0
  const role = me?.user.role
  useEffect(() => {
    if (role) void Taro.setNavigationBarTitle({ title: workbenchTitle(role) })
  }, [role])
  const filters = inboxFiltersFor(role, INBOX_FILTERS)
  const labelOf = (f: InboxFilter) => inboxLabel(f, role)
  const { items, first: data, loadingMore } = usePagedAction('appeal.inbox', { filter, search }, `${filter}|${search}`)
  // A head's 督查整改 to-dos: the findings addressed to their department not yet closed.
  const { data: findings } = useAction('inspection.findings', {}, '', { skip: role !== 'dept_head' })
  const toAnswer = findings?.findings.filter((f) => f.moves.includes('answer')).length ?? 0
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
      <SearchBar
        className='workbench__search'
        placeholder='诉求编号或标题，如 2026-11-0042'
        onSearch={(text) => setSearch(text.trim())}
        onClear={() => setSearch('')}
      />
      {searching && data && (
        <View className='bb-muted workbench__found'>
          “{search}”：找到 {data.total} 条
        </View>
      )}
      <View className={`workbench__counts ${searching ? 'workbench__counts--hidden' : ''}`}>
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
      {toAnswer > 0 && (
        <View className='bb-card' onClick={() => Taro.navigateTo({ url: '/packageLeader/pages/inspection/index' })}>
          {`督查整改：${toAnswer} 条问题待反馈整改情况 ›`}
        </View>
      )}
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
      {items?.length === 0 && (
        <View className='bb-card bb-muted'>{searching ? '没有找到：编号要完整，如 2026-11-0042。' : '这里没有诉求。'}</View>
      )}
      {data && items && <ListFooter shown={items.length} total={data.total} loadingMore={loadingMore} />}
    </View>
  )
}
