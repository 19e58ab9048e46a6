import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { callApi } from '../../api/client'
import { usePagedAction } from '../../hooks/use-paged-action'
import { formatMoment } from '../../utils/time'
import { ListFooter } from '../../components/list-footer'
import { PagePending } from '../../components/page-state'
import { pageClass } from '../../hooks/use-care-mode'
import './index.scss'

/** 消息: what the town told this person (a policy that fits was published …); opening one marks it read. */
export default function MessagesPage() {
  const { items, first: data, loading, loadingMore, reload } = usePagedAction('message.list', {})
  const now = Date.now()
  const open = async (id: string, link: string, read: boolean) => {
    if (!read) await callApi('message.read', { ids: [id] }, { silent: true }).catch(() => undefined)
    void Taro.navigateTo({ url: link })
    void reload()
  }
  return (
    <View className={pageClass('messages')}>
      {data && data.unread > 0 && (
        <View className='messages__bar'>
          <Text className='bb-muted'>{data.unread} 条未读</Text>
          <Text className='bb-link' onClick={() => void callApi('message.read', {}).then(reload)}>
            全部标为已读
          </Text>
        </View>
      )}
      {!items && <PagePending inline rows={2} />}
      {items?.map((message) => (
        <View
          key={message.id}
          className={`bb-card messages__item ${message.read ? '' : 'messages__item--unread'}`}
          role='link'
          onClick={() => void open(message.id, message.link, message.read)}
        >
          <View className='messages__title'>{message.title}</View>
          <View className='messages__body'>{message.body}</View>
          <Text className='bb-muted'>{formatMoment(message.createdAt, now)}</Text>
        </View>
      ))}
      {!loading && items?.length === 0 && <View className='bb-card bb-muted'>暂时没有消息。</View>}
      {data && items && <ListFooter shown={items.length} total={data.total} loadingMore={loadingMore} />}
    </View>
  )
}
