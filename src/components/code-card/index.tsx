import { Image, Text, View } from '@tarojs/components'
import { beijing } from '../../utils/time'
import './index.scss'

/** Where the page loads a code's picture: a cloud fileID as it is, a local link on the API's host. */
const pictureSrc = (image: string) => (image.startsWith('/') ? `${API_BASE}${image}` : image)

/**
 * A one-time code as it is handed over: the code to read out, its QR code to scan, and when it
 * expires. Shown once: only a hash of it is kept, so leaving the page loses it (a new one can be made).
 */
export function CodeCard({
  title,
  code,
  image,
  expiresAt,
  hint,
}: {
  title: string
  code: string
  image: string
  expiresAt: number
  hint: string
}) {
  return (
    <View className='bb-card code-card' aria-label={title}>
      <View className='bb-section-title'>{title}</View>
      <Text className='code-card__code' userSelect>
        {code}
      </Text>
      {image && <Image className='code-card__qr' src={pictureSrc(image)} mode='aspectFit' showMenuByLongpress />}
      <View className='bb-muted code-card__hint'>
        {beijing(expiresAt).format('M月D日 HH:mm')} 前有效，只能使用一次。{hint}
      </View>
    </View>
  )
}
