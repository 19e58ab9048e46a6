import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { UploadView } from '../../../cloud/contract'
import { isImage } from '../../../cloud/domain/attachments'
import { attachmentSrc } from '../../api/upload'
import './index.scss'

/** Opens a document: WeChat downloads it from cloud storage and opens it; the browser opens the link. */
async function openDocument(item: UploadView) {
  if (process.env.TARO_ENV === 'weapp') {
    const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: item.url })
    await Taro.openDocument({ filePath: tempFilePath, showMenu: true })
    return
  }
  window.open(attachmentSrc(item.url), '_blank')
}

/**
 * Photos as thumbnails (tap to view them full screen) and documents as named tiles (tap to open).
 * With `onRemove`, each carries a remove button; `children` go last (the add buttons of a form).
 */
export function AttachmentGrid({
  items,
  onRemove,
  children,
}: {
  items: UploadView[]
  onRemove?: (id: string) => void
  children?: React.ReactNode
}) {
  const images = items.filter((item) => isImage(item.mimeType)).map((item) => attachmentSrc(item.url))
  return (
    <View className='attachment-grid'>
      {items.map((item) => (
        <View key={item.id} className='attachment-grid__cell' aria-label={item.name}>
          {isImage(item.mimeType) ? (
            <Image
              className='attachment-grid__image'
              src={attachmentSrc(item.url)}
              mode='aspectFill'
              onClick={() => Taro.previewImage({ urls: images, current: attachmentSrc(item.url) })}
            />
          ) : (
            <View className='attachment-grid__file' onClick={() => void openDocument(item)}>
              <Text className='attachment-grid__ext'>{item.name.split('.').pop()?.toUpperCase()}</Text>
              <Text className='attachment-grid__name'>{item.name}</Text>
            </View>
          )}
          {onRemove && (
            <View className='attachment-grid__remove' role='button' aria-label={`移除${item.name}`} onClick={() => onRemove(item.id)}>
              ×
            </View>
          )}
        </View>
      ))}
      {children}
    </View>
  )
}
