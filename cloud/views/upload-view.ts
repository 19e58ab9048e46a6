import type { UploadView } from '../contract'
import type { UploadRow } from '../store/repositories/uploads'
import { FileLinks } from '../actions/ports'

export function toUploadView(row: UploadRow, files: FileLinks): UploadView {
  return { id: row.id, name: row.name, mimeType: row.mime_type, size: row.size, url: files.urlFor(row) }
}
