import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

/** A card's title with its status tag on the right: policies, appeals, lists and detail pages. */
export function CardHead({ title, tag, large = false }: { title: string; tag?: ReactNode; large?: boolean }) {
  return (
    <View className='card-head'>
      <Text className={`card-head__title ${large ? 'card-head__title--large' : ''}`}>{title}</Text>
      {tag}
    </View>
  )
}
