import { z } from 'zod'
import { ATTACHMENT_KINDS_TEXT, ATTACHMENT_LIMITS, ATTACHMENT_TYPE_IDS } from '../domain/attachments'
import type { Role } from '../domain/roles'
import { text } from './fields'

/** Who may upload attachments: the owners who file appeals. The local upload route reads this too. */
export const UPLOADERS: readonly Role[] = ['owner']

/** A file the app put in WeChat cloud storage, registered so that an appeal can carry it. */
export const registerUploadInput = z.strictObject({
  fileId: z.string().trim().startsWith('cloud://', '文件编号应为云存储的 cloud:// 地址').max(500).meta({ title: '文件编号' }),
  name: text('文件名', 100),
  size: z.number().int().min(1, '文件是空的').max(ATTACHMENT_LIMITS.maxBytes, '文件超过 10 MB，请压缩后再上传').meta({ title: '文件大小' }),
  mimeType: z.enum(ATTACHMENT_TYPE_IDS, { error: `请上传${ATTACHMENT_KINDS_TEXT}` }).meta({ title: '文件类型' }),
})
