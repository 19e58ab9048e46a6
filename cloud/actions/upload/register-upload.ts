import type { ParsedInput, UploadView } from '../../contract'
import { isOwnUpload } from '../../domain/attachments'
import { badRequest } from '../../domain/errors'
import { newId } from '../../store/ids'
import { checkDailyLimit, limitWindowStart } from '../../domain/limits'
import { countUploadsSince, insertUpload } from '../../store/repositories/uploads'
import { ActionContext, requireUser } from '../context'
import { toUploadView } from '../../views/upload-view'

/**
 * upload.register: the mini-program put a file in cloud storage (Taro.cloud.uploadFile) and names it
 * here, so that an appeal can carry it. Type and size were checked by the app and are checked again.
 */
export async function registerUpload(ctx: ActionContext, input: ParsedInput<'upload.register'>): Promise<UploadView> {
  const user = requireUser(ctx)
  if (!isOwnUpload(input.fileId, user.id)) throw badRequest('「文件编号」(fileId)：只能登记您自己上传的文件', 'fileId')
  checkDailyLimit('uploads', await countUploadsSince(ctx.db, user.id, limitWindowStart(ctx.clock.now())))
  const row = {
    id: newId('up'),
    owner_id: user.id,
    storage: 'cloud',
    storage_key: input.fileId,
    name: input.name,
    mime_type: input.mimeType,
    size: input.size,
    appeal_id: null,
    position: null,
    created_at: ctx.clock.now(),
  }
  await insertUpload(ctx.db, row)
  return toUploadView(row, ctx.files)
}
