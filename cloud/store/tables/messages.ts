/** An in-app message (站内消息): a matching policy was published, and the like. */
export interface MessagesTable {
  id: string
  user_id: string
  /** What it is about, e.g. 'policy.published'. */
  kind: string
  title: string
  body: string
  /** The page it opens. */
  link: string
  /** Unique per user: the same event never tells the same person twice. */
  dedupe_key: string
  created_at: number
  read_at: number | null
}
