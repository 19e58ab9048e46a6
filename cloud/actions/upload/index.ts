import type { uploadActions } from '../../contract/upload'
import type { AreaHandlers } from '../handler'
import { registerUpload } from './register-upload'

/** The upload area's handlers, one per action of cloud/contract/upload.ts: a missing or extra one does not compile. */
export const uploadHandlers = {
  'upload.register': registerUpload,
} satisfies AreaHandlers<typeof uploadActions>
