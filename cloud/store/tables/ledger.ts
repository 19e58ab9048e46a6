import type { HelpEntryState } from '../../domain/ledger/help-entry'
import type { OrderState, WarningReason, WarningState } from '../../domain/ledger/indicators'

/** 帮扶台账: one enterprise's share of a piece of help; `event_id` ties the firms of one meeting. */
export interface HelpEntriesTable {
  id: string
  event_id: string
  enterprise_id: string
  /** A key of HELP_KINDS. */
  kind: string
  /** Yuan, or people; null for kinds without a measure. */
  amount: number | null
  /** YYYY-MM-DD, when the help was given. */
  given_on: string
  note: string
  /** JSON array of upload ids. */
  evidence: string
  appeal_id: string | null
  state: HelpEntryState
  recorded_by: string
  recorded_at: number
  answered_by: string | null
  answered_at: number | null
  dispute_reason: string | null
}

/** 企业运行监测: one enterprise's figures for one month. */
export interface IndicatorReportsTable {
  id: string
  enterprise_id: string
  /** YYYY-MM. */
  month: string
  // Each figure is null where the town did not ask for it (or left it optional and it was not given).
  /** 万元. */
  revenue: number | null
  employees: number | null
  /** 万元. */
  tax: number | null
  orders: OrderState | null
  /** 万千瓦时. */
  power: number | null
  situation: string
  reported_by: string
  reported_at: number
  updated_at: number
}

/** 未诉先办: a task for the covering officer, at most one per enterprise and month. */
export interface WarningTasksTable {
  id: string
  enterprise_id: string
  month: string
  reason: WarningReason
  detail: string
  officer_id: string | null
  state: WarningState
  opened_at: number
  closed_at: number | null
  closed_by: string | null
  close_note: string | null
}

/** 政策兑现: an enterprise applied for a policy (one row per policy and enterprise), and its grant. */
export interface PolicyClaimsTable {
  id: string
  policy_id: string
  enterprise_id: string
  applied_by: string
  applied_at: number
  /** The help entry that records what was granted; null until it is. */
  help_entry_id: string | null
  granted_by: string | null
  granted_at: number | null
}
