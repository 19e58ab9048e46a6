/** A half-day a visitor has opened for owners to book. */
export interface VisitSlotsTable {
  host_id: string
  /** YYYY-MM-DD, Beijing. */
  day: string
  half: string
  created_at: number
}

/** One visit (走访 or 座谈), from the owner's request, or a proactive one, to its record. */
export interface VisitsTable {
  id: string
  enterprise_id: string
  host_id: string
  host_role: string
  kind: string
  origin: string
  requested_by: string | null
  client_request_id: string | null
  topic: string
  appeal_id: string | null
  day: string
  half: string
  state: string
  /** host|day|half while live (unique), null once declined, cancelled or done. */
  held_slot: string | null
  /** enterprise|host|ISO week|n while a booking is live: its place in the weekly allowance (unique). */
  quota_key: string | null
  /** The latest reason given: for declining, moving or cancelling. */
  note: string
  checked_in_at: number | null
  checkin_lat: number | null
  checkin_lng: number | null
  owner_confirmed_at: number | null
  proven: number
  visited_at: number | null
  /** JSON of VisitRecordData. */
  record: string | null
  internal_note: string
  /** When the day-before reminder went out. */
  reminded_at: number | null
  version: number
  created_at: number
  updated_at: number
}

/** A milestone of the enterprise's plan (一企一策). */
export interface PlanMilestonesTable {
  id: string
  enterprise_id: string
  title: string
  due_on: string
  done_at: number | null
  note: string
  created_by: string
  created_at: number
  updated_at: number
}

/** 一套班子: a named member of the team that works with an enterprise, and what they do there. */
export interface EnterpriseTeamMembersTable {
  id: string
  enterprise_id: string
  name: string
  /** 分工, e.g. 组长, 联络员, 政策专员. */
  duty: string
  /** Listing order: the team is saved whole, in the order given. */
  position: number
  updated_by: string
  updated_at: number
}

/** 一个目标: a figure the plan aims for by a day (年产值 5 亿元 by 2026-12-31), and where it stands. */
export interface EnterpriseGoalsTable {
  id: string
  enterprise_id: string
  label: string
  target: number
  unit: string
  due_on: string
  /** The latest figure reported, and when; null until one is. */
  actual: number | null
  reported_at: number | null
  created_by: string
  created_at: number
  updated_at: number
}
