import { View } from '@tarojs/components'
import './index.scss'

/**
 * The picture above an empty or failed state, drawn in the app's own colours with CSS: nothing to
 * download (NutUI's default is an image on a shopping site's CDN, broken offline and wrong in tone).
 */
export function EmptyArt({ kind = 'empty' }: { kind?: 'empty' | 'error' }) {
  return (
    <View className={`empty-art empty-art--${kind}`} aria-hidden='true'>
      <View className='empty-art__sheet'>
        <View className='empty-art__line' />
        <View className='empty-art__line empty-art__line--short' />
        <View className='empty-art__line' />
      </View>
      <View className='empty-art__badge'>{kind === 'error' ? '!' : ''}</View>
    </View>
  )
}
