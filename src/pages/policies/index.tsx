import { SearchBar } from '@nutui/nutui-react-taro'
import { ScrollView, View } from '@tarojs/components'
import { useState } from 'react'
import { POLICY_CATEGORIES, type PolicyCategory } from '../../../cloud/domain/policy'
import { Chips } from '../../components/chips'
import { PolicyCard } from '../../components/policy-card'
import { useAction } from '../../hooks/use-action'
import './index.scss'

const ALL = '全部'
const ALL_CATEGORIES = [ALL, ...POLICY_CATEGORIES] as const

/** 政策 tab: every published explainer, by category, searchable. */
export default function PoliciesPage() {
  const [category, setCategory] = useState<PolicyCategory | undefined>()
  const [keyword, setKeyword] = useState('')
  const { data, loading } = useAction('policy.list', { category, keyword: keyword || undefined, limit: 50 }, `${category}|${keyword}`)

  return (
    <View className='bb-page policies'>
      <SearchBar placeholder='搜索政策，如“留抵退税”' onSearch={setKeyword} onClear={() => setKeyword('')} />
      <ScrollView scrollX className='policies__categories'>
        <Chips
          nowrap
          options={ALL_CATEGORIES}
          value={category ?? ALL}
          onChange={(c) => setCategory(c === ALL ? undefined : c)}
        />
      </ScrollView>
      {data && <View className='bb-muted policies__count'>共 {data.total} 条政策</View>}
      {data?.items.map((policy) => <PolicyCard key={policy.id} policy={policy} />)}
      {!loading && data?.items.length === 0 && <View className='bb-card bb-muted'>没有找到相关政策，换个词试试</View>}
    </View>
  )
}
