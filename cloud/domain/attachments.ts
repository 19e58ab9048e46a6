/**
 * What an appeal may carry (附件): up to 9 photos or documents of at most 10 MB each, of the kinds
 * an owner has on a phone: photos of the site, scans and office files. The app checks these before
 * uploading; the hosts check them again on the bytes (local) or the declared type (cloud storage).
 */
export const ATTACHMENT_LIMITS = {
  maxCount: 9,
  maxBytes: 10 * 1024 * 1024,
} as const

export const ATTACHMENT_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const

export type AttachmentType = keyof typeof ATTACHMENT_TYPES
export const ATTACHMENT_TYPE_IDS = Object.keys(ATTACHMENT_TYPES) as AttachmentType[]
export const ATTACHMENT_KINDS_TEXT = '图片（JPG、PNG、WEBP）、PDF、Word 或 Excel 文件'

export const isAttachmentType = (mime: string): mime is AttachmentType => mime in ATTACHMENT_TYPES
export const isImage = (mime: string) => mime.startsWith('image/')

/** The type a file name claims, for pickers that give only a name (a chat file on weapp). */
export function typeOfName(name: string): AttachmentType | undefined {
  const ext = name.toLowerCase().split('.').pop() ?? ''
  const normal = ext === 'jpeg' ? 'jpg' : ext
  return ATTACHMENT_TYPE_IDS.find((type) => ATTACHMENT_TYPES[type] === normal)
}

/** Why a file cannot be attached, in the owner's words, or null when it can. */
export function attachmentProblem(file: { name: string; size: number; mimeType: string | undefined }): string | null {
  if (!file.mimeType || !isAttachmentType(file.mimeType)) return `「${file.name}」不是可上传的类型，请上传${ATTACHMENT_KINDS_TEXT}`
  if (file.size > ATTACHMENT_LIMITS.maxBytes) return `「${file.name}」超过 10 MB，请压缩后再上传`
  if (file.size <= 0) return `「${file.name}」是空文件`
  return null
}

/**
 * Where a person's uploads go in cloud storage: a folder of their own. Only a file in the caller's
 * own folder can be registered to an appeal, so nobody can attach (and then read through the
 * appeal) a file someone else uploaded.
 */
export const uploadFolder = (userId: string) => `appeal-uploads/${userId}/`

/** Whether a cloud fileID (cloud://<env>.<bucket>/<path>) lies in the person's own upload folder. */
export function isOwnUpload(fileId: string, userId: string): boolean {
  const path = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)?.[1]
  return (
    path !== undefined &&
    path.startsWith(uploadFolder(userId)) &&
    !path.slice(uploadFolder(userId).length).includes('/') &&
    !path.includes('..')
  )
}
