import { View } from '@tarojs/components'
import { PolicyCard } from '../../components/policy-card'
import { useAction } from '../../hooks/use-action'
import { pageClass } from '../../hooks/use-care-mode'

/** 我的收藏: the policies the person saved, last saved first. */
export default function FavouritesPage() {
  const { data, loading } = useAction('policy.favourites', {})
  return (
    <View className={pageClass()}>
      {data?.map((policy) => (
        <PolicyCard key={policy.id} policy={policy} />
      ))}
      {!loading && data?.length === 0 && <View className='bb-card bb-muted'>还没有收藏的政策。在政策详情页点“收藏”，以后在这里找。</View>}
    </View>
  )
}
