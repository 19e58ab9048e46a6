/** A policy an owner saved (收藏). */
export interface PolicyFavouritesTable {
  user_id: string
  policy_id: string
  created_at: number
}

/** A person read a policy on a day (Beijing): counted once per person per day. */
export interface PolicyViewsTable {
  policy_id: string
  user_id: string
  day: string
  /** The reader's enterprise, for "which matching enterprises have not seen it". */
  enterprise_id: string | null
  at: number
}
