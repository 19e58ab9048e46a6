import type { Generated } from 'kysely'
import type { MetricCounts } from '../../domain/metrics'
/** One appeal (企业诉求): its facts, where it stands, who holds it, and its deadlines. */
export interface AppealsTable {
  id: string
  /** 诉求编号 (2026-11-0042), given at filing: domain/appeal/numbering.ts. */
  number: string
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
  /** The latest rating (one of the five levels of 好差评, domain/appeal/rules.ts) and when it was given. */
  rating: string | null
  rated_at: number | null
  /** How often 不满意 reopened it (重办), and how often its dispatch was disputed (派单异议). */
  reopen_count: number
  dispute_count: number
  /** 1 once any resolution came after the deadline then in force: a late first answer stays late after rework. */
  resolved_late: number
  /** 公开摘要: the line staff wrote at acceptance for the public; no names or numbers of people. */
  public_summary: string
  /** 1 for a complaint about staff (作风, 吃拿卡要): held by the 督查 office or the 纪检 department. */
  conduct: number
  /** The staff member a conduct complaint names: they never see it. */
  accused_id: string | null
  /** 1 when the enterprise asked that its name be withheld from the handling department. */
  anonymous: number
  /** The 12345 工单 number, for an appeal staff took down from the hotline. */
  hotline_ticket: string | null
  /** 待补充: what the handler asked the enterprise for, while it waits; null otherwise. */
  info_request: string | null
  /** When the clock was paused (the enterprise confirmed it was asked), while it is; the pauses' total and count. */
  paused_at: number | null
  paused_ms: number
  pause_count: number
  /** A return's review by the 督查 office: pending, upheld, overturned (or unreviewed, from before reviews). */
  return_outcome: string | null
  /** 1 once the enterprise used its one objection to a return. */
  return_objected: number
  /** 1 when the enterprise withdrew it after its deadline had passed: not on time. */
  withdrawn_late: number
  /** What the enterprise said last: was the problem solved (1) or not (0)? Null until it said. */
  solved: number | null
  /** The handler's contest of the latest rating (申诉复核): pending, upheld, dismissed; null if none. */
  rating_contest: string | null
  /** 1 when the 督查 office set the latest 差评 aside: counted in no rate. */
  rating_voided: number
  /** 整改 after a 差评: when it is due, when it was done, and 1 once any came late. */
  rectify_due_at: number | null
  rectified_at: number | null
  rectify_late: number
  /** The latest call back (回访). */
  followed_up_at: number | null
  /** 抽查回访: 1 when the latest 好评 was picked for a call; when the call was made and what it found. */
  spot_check_picked: number
  spot_checked_at: number | null
  spot_check_result: string | null
  /** Bumped on every change: optimistic concurrency for two people acting at once. */
  version: number
  updated_at: number
}

/** The last 诉求编号 given in each month (YYYY-MM, Beijing): filing takes the next one. */
export interface AppealNumberCountersTable {
  month: string
  last_seq: number
}

/** 上报: a question sent to a county office, answered once through a signed, expiring link. */
export interface AppealEscalationsTable {
  id: string
  appeal_id: string
  /** The county office, as the handler names it (县自然资源和规划局). */
  office: string
  question: string
  asked_by: string
  asked_at: number
  expires_at: number
  answered_at: number | null
  answer: string | null
  /** Who answered, as they signed (name and office). */
  answered_by: string | null
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

/** `respondedOnTime` → `responded_on_time`: a count's column is its MetricCounts key in snake case. */
type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S

/**
 * The bulletin's counts of the appeals past their filing submitted on one day (Beijing time, `day`
 * its 00:00 in epoch ms) to one department ('' for none) in one category, rewritten in the
 * transaction of every change to one of them (repositories/appeal-daily-counts.ts): those that wait
 * on a deadline as once it has passed, `paused_ms` without the running pauses' `now`, which
 * `paused_now` (the appeals paused) multiplies.
 */
export type AppealDailyCountsTable = { day: number; department_id: string; category: string; paused_now: Generated<number> } & {
  [K in keyof MetricCounts as SnakeCase<K>]: Generated<number>
}

/**
 * Open appeals, past their filing (not fresh), per hour of their deadline (`hour` its start in
 * epoch ms): each row an addition made by a move of a deadline, summed by hour on reading, and
 * folded into one row an hour by the sweep.
 */
export interface AppealDueHoursTable {
  hour: number
  appeals: number
}

/**
 * Appeals past their filing per handler and department (null for none), state and hour of their
 * deadline (null when none runs or the appeal is finished; LONG_PAST for the hours the sweep gathered
 * as long past): each row an addition made by a move, summed on reading. `paused_late`: 1 for a pause begun
 * after its deadline had passed.
 */
export interface AppealInboxCountsTable {
  handler_id: string | null
  department_id: string | null
  state: string
  hour: number | null
  paused_late: number
  appeals: number
}

/**
 * Which run of a migration each kept table was last rebuilt after (`executed_at` as the migrator
 * recorded it), written in the rebuild's own transaction.
 */
export interface KeptRebuildsTable {
  kept: string
  migration: string
  executed_at: string
}
