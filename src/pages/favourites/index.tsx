import { View } from '@tarojs/components'
import { PagePending } from '../../components/page-state'
import { PolicyCard } from '../../components/policy-card'
import { useAction } from '../../hooks/use-action'
import { pageClass } from '../../hooks/use-care-mode'

/** 我的收藏: the policies the person saved, last saved first. */
export default function FavouritesPage() {
  const { data } = useAction('policy.favourites', {})
  // Never blank: a skeleton while the list comes, or what went wrong and 重试.
  if (!data) return <PagePending />
  return (
    <View className={pageClass()}>
      {data.map((policy) => (
        <PolicyCard key={policy.id} policy={policy} />
      ))}
      {data.length === 0 && <View className='bb-card bb-muted'>还没有收藏的政策。在政策详情页点“收藏”，以后在这里找。</View>}
    </View>
  )
}
