import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'

export default function IndexPage() {
  return (
    <View>
      <Text className='bare-text'>您好，这是一个空白应用</Text>
      <Button type='primary'>按钮</Button>
    </View>
  )
}
