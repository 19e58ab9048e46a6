import { Empty } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { EmptyArt } from '../empty-art'

/** A tab whose feature is not open yet: says what it will do and what to do meanwhile. */
export function ComingSoon({ title, description, children }: { title: string; description: string; children?: ReactNode }) {
  return (
    <View className='bb-card'>
      <Empty image={<EmptyArt />} imageSize={80} title={title} description={description} />
      {children}
    </View>
  )
}
