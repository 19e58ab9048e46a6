import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

const TITLES = { malformed: '二维码无法识别', unknown: '没有找到这个展位', expired: '展会已经结束', failed: '暂时打不开' } as const

/** A scan that leads nowhere still leads somewhere: what happened, and the way on. */
export function ExpoNotFound({ reason, message, onRetry }: { reason: keyof typeof TITLES; message: string; onRetry?: () => void }) {
  return (
    <View className='bb-card expo-missing' role='alert'>
      <Text className='expo-missing__title'>{TITLES[reason]}</Text>
      <View className='expo-missing__text'>{message}</View>
      <View className='expo-missing__text bb-muted'>您仍可以在“助企帮办”里看惠企政策、提交诉求，或预约特派员走访。</View>
      <View className='expo-missing__actions'>
        {onRetry && (
          <Button type='primary' fill='outline' onClick={onRetry}>
            重试
          </Button>
        )}
        <Button type='primary' onClick={() => Taro.switchTab({ url: '/pages/home/index' })}>
          去首页
        </Button>
        <Button fill='outline' onClick={() => Taro.switchTab({ url: '/pages/policies/index' })}>
          看惠企政策
        </Button>
      </View>
    </View>
  )
}
