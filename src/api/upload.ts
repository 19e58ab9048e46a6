import Taro from '@tarojs/taro'
import type { ApiResult, UploadView } from '../../cloud/contract'
import { ATTACHMENT_TYPES, attachmentProblem, typeOfName, uploadFolder, type AttachmentType } from '../../cloud/domain/attachments'
import { newRequestId } from '../hooks/use-draft'
import { ApiError, callApi, NETWORK_FAILURE, settle } from './client'
import { currentToken } from './session'

/** A file the person picked, as the pickers of either platform describe it. */
export interface PickedFile {
  path: string
  name: string
  size: number
  /** Known in the browser (File.type); on WeChat it follows from the name. */
  mimeType?: string
  /** The browser's File, which the upload sends. */
  file?: Blob
}

/**
 * Uploads one attachment and answers it as the API keeps it. Type and size are checked first, so a
 * wrong file costs no upload; the server checks again. WeChat: into cloud storage, then registered
 * with the API. Browser: to the local host's upload route, which reads the type from the bytes.
 */
export async function uploadAttachment(picked: PickedFile, userId: string): Promise<UploadView> {
  const mimeType = (picked.mimeType || typeOfName(picked.name)) as AttachmentType | undefined
  const problem = attachmentProblem({ name: picked.name, size: picked.size, mimeType })
  if (problem) {
    void Taro.showToast({ title: problem, icon: 'none', duration: 2500 })
    throw new ApiError({ code: 'BAD_REQUEST', message: problem, field: 'file' })
  }
  if (process.env.TARO_ENV === 'weapp') {
    const cloudPath = `${uploadFolder(userId)}${newRequestId()}.${ATTACHMENT_TYPES[mimeType!]}`
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath: picked.path })
    return callApi('upload.register', { fileId: fileID, name: picked.name, size: picked.size, mimeType: mimeType! })
  }
  const form = new FormData()
  form.append('file', picked.file ?? (await (await fetch(picked.path)).blob()), picked.name)
  const token = currentToken()
  const result = await fetch(`${API_BASE}/api/uploads`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
    .then((response) => response.json() as Promise<ApiResult<UploadView>>)
    .catch(() => NETWORK_FAILURE)
  return settle(result)
}

/** Where the page loads an attachment from: a cloud fileID as it is, a local link on the API's host. */
export const attachmentSrc = (url: string) => (url.startsWith('/') ? `${API_BASE}${url}` : url)
