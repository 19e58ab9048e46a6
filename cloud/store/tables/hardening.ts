/** One row per check: the last time the host wrote to the store (the health check's heartbeat). */
export interface HealthChecksTable {
  id: string
  at: number
}

/** A create-like request done once: who asked, with which request id, for which action, and what it made. */
export interface RequestReceiptsTable {
  user_id: string
  client_request_id: string
  action: string
  result_id: string
  created_at: number
}
