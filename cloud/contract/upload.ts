import { z } from 'zod'
import { ATTACHMENT_KINDS_TEXT, ATTACHMENT_LIMITS, ATTACHMENT_TYPE_IDS } from '../domain/attachments'
import { text } from './fields'
import { type Area, UPLOADERS, returns } from './spec'

/** A file the app put in WeChat cloud storage, registered so that an appeal can carry it. */
export const registerUploadInput = z.strictObject({
  fileId: z.string().trim().startsWith('cloud://', '文件编号应为云存储的 cloud:// 地址').max(500).meta({ title: '文件编号' }),
  name: text('文件名', 100),
  size: z.number().int().min(1, '文件是空的').max(ATTACHMENT_LIMITS.maxBytes, '文件超过 10 MB，请压缩后再上传').meta({ title: '文件大小' }),
  mimeType: z.enum(ATTACHMENT_TYPE_IDS, { error: `请上传${ATTACHMENT_KINDS_TEXT}` }).meta({ title: '文件类型' }),
})

/** An uploaded file as the app shows it: a cloud fileID or a signed local link. */
export interface UploadView {
  id: string
  name: string
  mimeType: string
  size: number
  url: string
}

/** 附件 */
export const uploadActions = {
  'upload.register': {
    summary: '登记已上传到云存储的附件（小程序端），供提交诉求时引用',
    access: UPLOADERS,
    input: registerUploadInput,
    output: returns<UploadView>(),
  },
} satisfies Area<'upload'>
