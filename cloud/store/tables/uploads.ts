/** An uploaded file (附件), attached to an appeal once it is filed. */
export interface UploadsTable {
  id: string
  /** Who uploaded it: only they may attach it. */
  owner_id: string
  /** 'local' (a file under data/uploads) or 'cloud' (a WeChat cloud storage fileID). */
  storage: string
  storage_key: string
  /** The name the file had on the phone, for people to read. */
  name: string
  mime_type: string
  size: number
  /** Null until the appeal it belongs to is filed; then it cannot be attached again. */
  appeal_id: string | null
  /** Its place among the appeal's attachments, as the owner ordered them. */
  position: number | null
  created_at: number
}
