import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useAction } from '../../../hooks/use-action'
import { useMe } from '../../../hooks/use-me'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

/** One 帮办代办 item: what it is for, what to prepare, how it goes, how long; and 请帮我办. */
export default function ServiceItemPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { data: me } = useMe()
  const { data: item } = useAction('service.get', { id }, id)
  if (!item) return <PagePending />
  const ask = () =>
    Taro.navigateTo({ url: `/pages/appeal-new/index?serviceItemId=${encodeURIComponent(item.id)}&title=${encodeURIComponent(item.name)}` })

  return (
    <View className={pageClass('service-item')}>
      <View className='bb-card'>
        <Text className='service-item__name'>{item.name}</Text>
        <View className='bb-muted'>
          {item.group}事项 · {item.department}
        </View>
        <View className='service-item__purpose'>{item.purpose}</View>
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>需要准备</View>
        {item.materials.map((m) => (
          <View key={m} className='service-item__line'>
            • {m}
          </View>
        ))}
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>怎么办</View>
        {item.steps.map((step, i) => (
          <View key={step} className='service-item__line'>
            {i + 1}. {step}
          </View>
        ))}
      </View>
      <View className='bb-card'>
        <View className='bb-section-title'>办理时限</View>
        <View className='service-item__line'>{item.timeLimit}</View>
      </View>
      {me?.user.role === 'owner' ? (
        <Button type='primary' block onClick={ask}>
          请帮我办
        </Button>
      ) : (
        me?.user.role === 'guest' && <View className='bb-muted'>绑定企业后即可请帮办员代办。</View>
      )}
    </View>
  )
}
