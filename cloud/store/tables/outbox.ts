/** A one-time subscribe grant count per person and template (订阅消息授权). */
export interface SubscriptionGrantsTable {
  user_id: string
  template: string
  remaining: number
  updated_at: number
}

/** A push waiting to be sent, or what became of it (see migration 0006). */
export interface OutboxTable {
  id: string
  message_id: string
  user_id: string
  template: string
  fields: string
  page: string
  state: 'pending' | 'sending' | 'sent' | 'skipped' | 'failed' | 'uncertain'
  attempts: number
  next_attempt_at: number
  claim_token: string | null
  lease_until: number | null
  last_error: string | null
  created_at: number
  sent_at: number | null
}
