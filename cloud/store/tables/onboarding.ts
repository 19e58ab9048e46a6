import type { AttemptScope, CodeKind } from '../../domain/onboarding/codes'

/** A one-time code: the first admin's setup code, a staff invitation, or an enterprise's binding code (migration 0011). */
export interface AccessCodesTable {
  id: string
  kind: CodeKind
  /** SHA-256 hex of the code with its kind (and a binding code's enterprise); the code itself is never stored. */
  code_hash: string
  user_id: string | null
  enterprise_id: string | null
  created_by: string | null
  created_at: number
  expires_at: number
  used_at: number | null
  used_by: string | null
  revoked_at: number | null
  revoked_by: string | null
}

/** Tries counted per person or enterprise and window, raised by an atomic upsert. */
export interface AttemptCountersTable {
  scope: AttemptScope
  subject: string
  window_start: number
  count: number
}

/** A WeChat user who proved a binding code for an enterprise that has owners already, waiting for their approval. */
export interface OwnerRequestsTable {
  id: string
  enterprise_id: string
  user_id: string
  state: 'pending' | 'approved' | 'declined' | 'withdrawn'
  created_at: number
  decided_by: string | null
  decided_at: number | null
}

/** Who changed what in the organisation, and when. */
export interface AuditLogTable {
  id: string
  actor_id: string | null
  actor_role: string
  entity: string
  entity_id: string
  action: string
  summary: string
  before: string | null
  after: string | null
  at: number
}

/** Town-wide settings edited in the app (the visit frequency), over the host's defaults. */
export interface TownSettingsTable {
  key: string
  value: string
  updated_by: string | null
  updated_at: number
}
