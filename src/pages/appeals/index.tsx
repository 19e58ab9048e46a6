import type { DeadlinePromise } from '../../../cloud/domain/appeal/deadlines'
import { Button, SearchBar } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { APPEAL_LIST_FILTERS } from '../../../cloud/domain/appeal/lists'
import { isStaff } from '../../../cloud/domain/roles'
import { AppealCard } from '../../components/appeal-card'
import { Chips } from '../../components/chips'
import { ComingSoon } from '../../components/coming-soon'
import { usePagedAction } from '../../hooks/use-paged-action'
import { useMe } from '../../hooks/use-me'
import { PagePending } from '../../components/page-state'
import { workbenchTitle } from '../../utils/workbench'
import { ListFooter } from '../../components/list-footer'
import { pageClass } from '../../hooks/use-care-mode'
import './index.scss'

type Filter = (typeof APPEAL_LIST_FILTERS)[number]
const FILTER_LABELS: Record<Filter, string> = { all: '全部', open: '办理中', awaiting_rating: '待评价', done: '已办结' }

/** 诉求 tab: an owner's appeals with where each stands and how long is left; the way to file one. */
export default function AppealsPage() {
  const { data: me } = useMe()
  if (!me) return <PagePending />
  if (isStaff(me.user.role)) {
    return (
      <View className={pageClass()}>
        <ComingSoon title='诉求在工作台处理' description={`受理、办理、办结诉求请进入${workbenchTitle(me.user.role)}。`}>
          <Button type='primary' block onClick={() => Taro.navigateTo({ url: '/packageOfficer/pages/workbench/index' })}>
            进入工作台
          </Button>
        </ComingSoon>
      </View>
    )
  }
  if (!me.enterprise) {
    return (
      <View className={pageClass()}>
        <ComingSoon title='绑定企业后即可提交诉求' description={`诉求${me.promise.accept}，一般诉求${me.promise.close}。`}>
          <Button type='primary' block onClick={() => Taro.navigateTo({ url: '/pages/bind/index' })}>
            绑定企业
          </Button>
        </ComingSoon>
      </View>
    )
  }
  return <MyAppeals promise={me.promise} />
}

function MyAppeals({ promise }: { promise: DeadlinePromise }) {
  const [filter, setFilter] = useState<Filter>('all')
  const [search, setSearch] = useState('')
  const { items, first, loadingMore } = usePagedAction('appeal.listMine', { filter, search }, `${filter}|${search}`)
  const now = Date.now()
  return (
    <View className={pageClass()}>
      <Button type='primary' block onClick={() => Taro.navigateTo({ url: '/pages/appeal-new/index' })}>
        提交诉求
      </Button>
      <View className='bb-muted appeals__promise'>
        {promise.accept} · 一般诉求{promise.close} · 紧急事项随叫随到
      </View>
      <SearchBar
        className='appeals__search'
        placeholder='诉求编号或标题'
        onSearch={(text) => setSearch(text.trim())}
        onClear={() => setSearch('')}
      />
      <Chips options={APPEAL_LIST_FILTERS} value={filter} onChange={setFilter} label={(f) => FILTER_LABELS[f]} />
      <View className='appeals__gap' />
      {!items && <PagePending inline rows={2} />}
      {items?.map((appeal) => (
        <AppealCard key={appeal.id} appeal={appeal} now={now} />
      ))}
      {first && items && <ListFooter shown={items.length} total={first.total} loadingMore={loadingMore} />}
      {items?.length === 0 && (
        <View className='bb-card bb-muted appeals__none'>
          {search ? `没有找到“${search}”。` : '还没有诉求。遇到困难，点上方“提交诉求”。'}
        </View>
      )}
    </View>
  )
}
