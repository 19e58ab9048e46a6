import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { useQueryClient, type Query } from '@tanstack/react-query'
import { useCallback, useSyncExternalStore } from 'react'
import { pageClass } from '../../hooks/use-care-mode'
import { EmptyArt } from '../empty-art'
import './index.scss'

const failed = (query: Query) => query.state.status === 'error'

/**
 * What a page shows before its data is there: a skeleton while it loads, or — when a load failed —
 * what went wrong and 重试. It reads the app's query cache (src/api/query.ts) rather than each
 * page's own requests, so a page only writes `if (!data) return <PagePending />`; retrying asks
 * again for every failed request of the pages on screen. `inline`: inside a page that shows other
 * things already (a list under its filters).
 */
export function PagePending({ rows = 4, inline = false }: { rows?: number; inline?: boolean }) {
  const client = useQueryClient()
  const cache = client.getQueryCache()
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache])
  const message = useSyncExternalStore(subscribe, () => {
    const error = cache.findAll({ type: 'active', predicate: failed })[0]?.state.error
    return error ? (error instanceof Error ? error.message : String(error)) : ''
  })
  const retry = () => void client.refetchQueries({ type: 'active', predicate: failed })

  if (message)
    return (
      <View className={inline ? 'page-state' : pageClass('page-state')}>
        <View className='bb-card page-state__error' role='alert'>
          <Empty image={<EmptyArt kind='error' />} imageSize={80} title='没有加载出来' description={message} />
          <Button type='primary' block onClick={retry}>
            重试
          </Button>
        </View>
      </View>
    )
  return (
    <View className={inline ? 'page-state' : pageClass('page-state')} aria-busy='true' aria-label='加载中'>
      {Array.from({ length: Math.max(1, Math.ceil(rows / 2)) }, (_, i) => (
        <View className='bb-card' key={i}>
          <Skeleton rows={3} animated />
        </View>
      ))}
    </View>
  )
}
