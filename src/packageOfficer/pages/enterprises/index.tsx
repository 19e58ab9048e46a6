import { SearchBar, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PagePending } from '../../../components/page-state'
import { useAction } from '../../../hooks/use-action'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

const open = (id: string) => Taro.navigateTo({ url: `/pages/members/index?id=${encodeURIComponent(id)}` })

/**
 * 企业与绑定码: the enterprises the caller covers (an officer's own, a head's department's, an
 * admin's whole roster), how many owners each has bound and how many wait; one opens its members
 * and the binding code to hand over.
 */
export default function EnterprisesPage() {
  const [query, setQuery] = useState('')
  const { data } = useAction('roster.list', { query: query || undefined, limit: 50 }, query)
  return (
    <View className={pageClass('enterprises')}>
      <SearchBar value={query} onChange={setQuery} placeholder='企业名称或信用代码' />
      <View className='bb-muted enterprises__total'>{data ? `共 ${data.total} 家` : ''}</View>
      {!data && <PagePending inline rows={2} />}
      {data?.items.map((e) => (
        <View key={e.id} className='bb-card enterprises__item' role='link' aria-label={e.name} onClick={() => void open(e.id)}>
          <View className='enterprises__head'>
            <Text className='enterprises__name'>{e.name}</Text>
            {e.pendingOwners > 0 ? (
              <Tag type='warning'>{e.pendingOwners} 人待同意</Tag>
            ) : e.owners > 0 ? (
              <Tag plain background='var(--bb-success)'>{`已绑定 ${e.owners} 人`}</Tag>
            ) : (
              <Tag plain background='var(--bb-text-muted)'>
                未绑定
              </Tag>
            )}
          </View>
          <Text className='bb-muted'>
            {e.industry} · {e.park} · 特派员 {e.officer?.name ?? '—'}
          </Text>
        </View>
      ))}
      {data?.items.length === 0 && <View className='bb-card bb-muted'>没有找到企业。</View>}
    </View>
  )
}
