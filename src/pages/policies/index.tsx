import { SearchBar } from '@nutui/nutui-react-taro'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { POLICY_CATEGORIES, type PolicyCategory } from '../../../cloud/domain/policy'
import { Chips } from '../../components/chips'
import { PolicyCard } from '../../components/policy-card'
import { useAction } from '../../hooks/use-action'
import { useMe } from '../../hooks/use-me'
import { usePagedAction } from '../../hooks/use-paged-action'
import { ListFooter } from '../../components/list-footer'
import { PagePending } from '../../components/page-state'
import { pageClass } from '../../hooks/use-care-mode'
import './index.scss'

const ALL = '全部'
const ALL_CATEGORIES = [ALL, ...POLICY_CATEGORIES] as const

/**
 * 政策 tab: for an owner, what fits their enterprise first (为我推荐, with the reason), what ends
 * soon (即将截止), then everything newest first by category. A search ranks title matches first.
 */
export default function PoliciesPage() {
  const { data: me } = useMe()
  const [category, setCategory] = useState<PolicyCategory | undefined>()
  const [keyword, setKeyword] = useState('')
  const owner = me?.user.role === 'owner'
  const searching = keyword.length > 0
  const {
    items,
    first: data,
    last,
    loading,
    loadingMore,
  } = usePagedAction('policy.list', { category, keyword: keyword || undefined }, `${category}|${keyword}`)
  const { data: expiring } = useAction('policy.list', { sort: 'expiring', limit: 3 })
  const { data: recommended } = useAction('policy.recommend', {}, owner ? 'owner' : 'skip', { skip: !owner })

  return (
    <View className={pageClass('policies')}>
      <SearchBar placeholder='搜索政策，如“留抵退税”' onSearch={setKeyword} onClear={() => setKeyword('')} />
      <View className='policies__links'>
        <Text className='bb-link' onClick={() => Taro.navigateTo({ url: '/packageService/pages/catalogue/index' })}>
          帮办代办服务目录 ›
        </Text>
        <Text className='bb-link' onClick={() => Taro.navigateTo({ url: '/pages/favourites/index' })}>
          我的收藏 ›
        </Text>
      </View>

      {!searching && recommended && recommended.length > 0 && (
        <>
          <View className='bb-section-title'>为我推荐</View>
          {recommended.slice(0, 3).map((policy) => (
            <PolicyCard key={policy.id} policy={policy} reason={policy.reason} />
          ))}
        </>
      )}

      {!searching && expiring && expiring.items.length > 0 && (
        <>
          <View className='bb-section-title'>即将截止</View>
          {expiring.items.map((policy) => (
            <PolicyCard key={policy.id} policy={policy} />
          ))}
        </>
      )}

      <View className='bb-section-title'>{searching ? `“${keyword}”的搜索结果` : '最新发布'}</View>
      <ScrollView scrollX className='policies__categories'>
        <Chips nowrap options={ALL_CATEGORIES} value={category ?? ALL} onChange={(c) => setCategory(c === ALL ? undefined : c)} />
      </ScrollView>
      {data && <View className='bb-muted policies__count'>{data.capped ? `超过 ${data.total} 条政策` : `共 ${data.total} 条政策`}</View>}
      {!items && <PagePending inline rows={2} />}
      {items?.map((policy) => (
        <PolicyCard key={policy.id} policy={policy} />
      ))}
      {!loading && items?.length === 0 && <View className='bb-card bb-muted'>没有找到相关政策，换个词试试</View>}
      {last && items && <ListFooter shown={items.length} total={last.total} capped={last.capped} loadingMore={loadingMore} />}
    </View>
  )
}
