/** One appeal (企业诉求): its facts, where it stands, who holds it, and its deadlines. */
export interface AppealsTable {
  id: string
  enterprise_id: string
  /** The person who filed it (an owner, or an officer filing on the enterprise's behalf). */
  created_by: string
  /** Unique per creator: a retried submit with the same id finds the first appeal. */
  client_request_id: string
  source: string
  category: string
  title: string
  description: string
  urgency: string
  complexity: string
  contact_name: string
  contact_phone: string
  state: string
  /** The officer who holds it now; null until someone is assigned. */
  handler_id: string | null
  /** The department it is routed to. */
  department_id: string | null
  /** Epoch ms. Deadlines are computed by the domain and stored, so queries can sort and filter on them. */
  submitted_at: number
  accept_due_at: number
  close_due_at: number
  /** The deadline running now (to accept, or to close); null once nothing is due. Inboxes sort on it. */
  due_at: number | null
  /** 督办 level reached for `supervised_due_at` (see domain/appeal/supervision.ts). */
  supervision_level: number
  supervised_due_at: number | null
  accepted_at: number | null
  resolved_at: number | null
  closed_at: number | null
  /** Content check verdict: 'pass' or 'review' (saved, flagged for a person to look at). */
  moderation: string
  /** Help delivered, set when resolved (domain/appeal/help.ts): the kind, and yuan or people. */
  help_kind: string | null
  help_amount: number | null
  /** The close date a handler asked for (申请延期), until the department head decides. */
  requested_due_at: number | null
  /** Alike appeals linked into one group (问题汇聚) carry the id of the group's lead appeal. */
  group_id: string | null
  /** A duplicate from the same enterprise, merged (并单) into this earlier appeal. */
  merged_into: string | null
  /** The policy an owner asked about (我要咨询 / 我要申请), or null. */
  policy_id: string | null
  /** The 帮办代办 item an owner asked to have done for them (请帮我办), or null. */
  service_item_id: string | null
  /** When it was first answered (accepted or returned): the response rate (响应率) counts this. */
  responded_at: number | null
  /** The latest rating (satisfied, basically_satisfied, unsatisfied) and when it was given. */
  rating: string | null
  rated_at: number | null
  /** How often 不满意 reopened it (重办), and how often its dispatch was disputed (派单异议). */
  reopen_count: number
  dispute_count: number
  /** 1 once any resolution came after the deadline then in force: a late first answer stays late after rework. */
  resolved_late: number
  /** Bumped on every change: optimistic concurrency for two people acting at once. */
  version: number
  updated_at: number
}

/** 每月一题: the month's shared problem, given to a task force and followed to its end. */
export interface MonthlyTopicsTable {
  id: string
  month: string
  title: string
  lead_appeal_id: string | null
  category: string
  source_department_id: string | null
  department_id: string
  note: string
  due_on: string
  created_by: string
  created_at: number
}
