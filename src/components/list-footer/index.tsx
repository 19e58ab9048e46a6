import { View } from '@tarojs/components'
import './index.scss'

/**
 * Under a list that loads as it scrolls: what is coming, or that it has all been shown. A `capped`
 * total stopped counting there, and more follow.
 */
export function ListFooter({
  shown,
  total,
  capped = false,
  loadingMore,
}: {
  shown: number
  total: number
  capped?: boolean
  loadingMore: boolean
}) {
  if (total === 0) return null
  return (
    <View className='list-footer bb-muted' aria-live='polite'>
      {loadingMore
        ? '正在加载更多…'
        : shown < total || capped
          ? `已显示 ${shown} / ${total}${capped ? '+' : ''} 条，上滑加载更多`
          : `共 ${total} 条，已全部显示`}
    </View>
  )
}
