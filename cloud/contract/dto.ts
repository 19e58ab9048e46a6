import type { Rates } from '../domain/metrics'
import type { Role } from '../domain/roles'
import type { VisitAction, VisitState } from '../domain/visit/rules'

/**
 * What the API returns. Plain JSON shapes, shared with the mini-program as types only, so the
 * client bundle carries none of the server's code.
 */
export interface UserView {
  id: string
  name: string
  role: Role
  roleLabel: string
  title: string
  /** The person's own phone, to prefill contact fields; only ever sent to that person. */
  phone: string
  department: { id: string; name: string } | null
}

export interface PersonContact {
  id: string
  name: string
  title: string
  phone: string
}

export interface EnterpriseView {
  id: string
  name: string
  creditCode: string
  industry: string
  kind: string
  park: string
  address: string
  /** 驻企特派员: whom the owner calls first. */
  officer: PersonContact | null
  department: { id: string; name: string } | null
  leader: PersonContact | null
}

export interface Me {
  user: UserView
  enterprise: EnterpriseView | null
}

export interface DevUser {
  id: string
  name: string
  role: Role
  roleLabel: string
  title: string
  enterpriseName: string | null
}

export interface DevLoginResult {
  token: string
  /** Epoch milliseconds. */
  expiresAt: number
  me: Me
}

export interface PolicySummary {
  id: string
  title: string
  issuer: string
  docNo: string | null
  category: string
  /** 一句话看懂. */
  summary: string
  /** YYYY-MM-DD. */
  publishedAt: string
  expiresAt: string | null
  expired: boolean
}

export interface PolicySection {
  heading: string
  text: string
}

export interface PolicyDetail extends PolicySummary {
  effectiveFrom: string
  sections: PolicySection[]
  /** Saved by the reader (收藏). */
  favourite: boolean
  /** Why it fits the reader's enterprise, or null (not an owner, or it does not fit). */
  reason: string | null
}

/** A policy recommended to an enterprise (为我推荐), with what made it fit. */
export interface PolicyRecommendation extends PolicySummary {
  reason: string
}

/** How far a policy has reached (政策触达), within what the staff member serves. */
export interface PolicyReach {
  /** People who read it, counted once each. */
  readers: number
  favourites: number
  /** Appeals that asked about it (我要咨询 / 我要申请). */
  consultations: number
  /** Enterprises it is for, and how many of them someone has read it for. */
  matching: number
  seen: number
  /** The first of those nobody has read it for: whom to bring it to in person (送政策上门). */
  unseen: { id: string; name: string; park: string; officerName: string | null }[]
}

/** A policy in the admin's list, whatever its status. */
export interface PolicyAdminSummary extends PolicySummary {
  status: 'draft' | 'published' | 'withdrawn'
  updatedAt: number
}

/** Everything an admin edits, as savePolicyInput takes it. */
export interface PolicySource {
  id: string
  status: 'draft' | 'published' | 'withdrawn'
  title: string
  issuer: string
  docNo: string | null
  category: string
  effectiveFrom: string
  expiresAt: string | null
  summary: string
  industries: string[]
  kinds: string[]
  enterpriseTags: string[]
  tags: string[]
  body: string
}

export interface MessageView {
  id: string
  kind: string
  title: string
  body: string
  link: string
  createdAt: number
  read: boolean
}

export interface MessagePage extends Page<MessageView> {
  unread: number
}

export interface Page<T> {
  items: T[]
  total: number
}

/** An appeal in a list: enough to see where it stands and how much time is left. */
export interface AppealSummary {
  id: string
  title: string
  category: string
  urgency: 'normal' | 'urgent'
  state: string
  stateLabel: string
  enterpriseName: string
  handlerName: string | null
  submittedAt: number
  /** The deadline that matters now (to accept, or to close), or null when none runs. */
  dueAt: number | null
  dueLabel: string | null
  overdue: boolean
  version: number
}

export interface AppealEventView {
  seq: number
  action: string
  actionLabel: string
  actorName: string
  actorRoleLabel: string
  toState: string
  toStateLabel: string
  note: string
  at: number
}

/** An uploaded file as the app shows it: a cloud fileID or a signed local link. */
export interface UploadView {
  id: string
  name: string
  mimeType: string
  size: number
  url: string
}

export interface AppealDetail extends AppealSummary {
  description: string
  contactName: string
  contactPhone: string
  department: { id: string; name: string } | null
  /** Who holds it and how to reach them. */
  handler: PersonContact | null
  acceptDueAt: number
  closeDueAt: number
  /** The close date asked for in a pending extension (申请延期), until the head decides. */
  requestedDueAt: number | null
  /** The help delivered, as a person reads it (e.g. 新增贷款 200 万元), once resolved. */
  help: string | null
  /** The policy it asks about, or null. */
  policy: { id: string; title: string } | null
  /** The 帮办代办 item it asks to have done, or null. */
  serviceItem: { id: string; name: string } | null
  /** The group it is handled in (并案办理), or null. */
  group: AppealGroupView | null
  /** The earlier appeal a duplicate was merged into (并单), or null. */
  mergedInto: { id: string; title: string } | null
  /** Photos and documents the owner attached, in their order. */
  attachments: UploadView[]
  timeline: AppealEventView[]
  /** The actions the caller may take now, so the page shows only those buttons. */
  allowedActions: string[]
}

/** An open appeal like the one being looked at (问题汇聚), and why. */
export interface AlikeAppeal extends AppealSummary {
  /** How alike, 0–100. */
  score: number
  sameEnterprise: boolean
  samePark: boolean
  /** Already in this appeal's group. */
  inGroup: boolean
  /** Filed before this one by the same enterprise: what a duplicate is merged into (并单). */
  mergeTarget: boolean
}

/** A group of alike appeals handled as one: its lead and every member, with where each stands. */
export interface AppealGroupView {
  leadId: string
  members: { id: string; title: string; enterpriseName: string; state: string; stateLabel: string }[]
}

export interface InboxResult extends Page<AppealSummary> {
  counts: { open: number; overdue: number; awaitingAcceptance: number; awaitingDecision: number; done: number }
}

export interface SweepSummary {
  checked: number
  stepped: number
  closed: number
  visits: { reminded: number; behind: number }
}

/** The departments and officers staff pick from when they assign or transfer. */
export interface Directory {
  departments: { id: string; name: string }[]
  officers: { id: string; name: string; title: string; departmentId: string }[]
}

/** The 帮办代办 catalogue by group, each item in a line. */
export interface ServiceCatalogue {
  groups: { group: string; items: { id: string; name: string; purpose: string; timeLimit: string }[] }[]
}

/** A subscribe-message template the app asks the person to allow. */
export interface SubscriptionTemplate {
  kind: string
  id: string
  label: string
}

/** One row of the bulletin: the counts and the rates (defined in domain/metrics), for a department or the whole town. */
export interface BulletinRow extends Rates {
  departmentId: string | null
  name: string
  received: number
  resolved: number
  overdue: number
  /** 1 is best; null when it had nothing to rank on. */
  rank: number | null
  /** The targets it missed (响应率, 按期办结率, 满意率): named in the bulletin as lagging. */
  missed: string[]
}

/** 一月一通报: a month's figures for the town and each department, help delivered, and a summary. */
export interface Bulletin {
  month: string
  targets: { responseRate: number; onTimeRate: number; satisfactionRate: number }
  total: BulletinRow
  departments: BulletinRow[]
  help: { kind: string; label: string; enterprises: number; amount: number; text: string }[]
  summary: string
}

/** A half-day a person has opened for visits; `free` is false once somebody holds it. */
export interface VisitSlot {
  day: string
  half: 'am' | 'pm'
  label: string
  free: boolean
}

/** Someone who visits an enterprise, with the half-days an owner can book. */
export interface VisitHost extends PersonContact {
  role: Role
  roleLabel: string
  /** visit (走访) with the officer or head; meeting (座谈) with the leader. */
  kind: 'visit' | 'meeting'
  kindLabel: string
  slots: VisitSlot[]
}

export interface VisitSlots {
  /** For an owner: their officer, department head and leader. For staff: themselves. */
  hosts: VisitHost[]
}

export interface VisitRecordView {
  participants: string
  situation: { production: string; employment: string; funding: string; project: string }
  asks: string
  /** Appeals filed from the problems found on this visit. */
  appeals: { id: string; title: string }[]
}

export interface VisitView {
  id: string
  enterprise: { id: string; name: string }
  host: PersonContact & { role: Role; roleLabel: string }
  kind: 'visit' | 'meeting'
  kindLabel: string
  origin: 'booked' | 'proactive'
  topic: string
  appeal: { id: string; title: string } | null
  day: string
  half: 'am' | 'pm'
  slotLabel: string
  state: VisitState
  stateLabel: string
  /** The latest reason given for declining, moving or cancelling. */
  note: string
  checkedInAt: number | null
  ownerConfirmedAt: number | null
  /** Checked in on site or vouched for by the owner: only proven visits count. */
  proven: boolean
  visitedAt: number | null
  record: VisitRecordView | null
  /** Staff only. */
  internalNote: string | null
  /** For staff: whom to call at the enterprise (who booked, or its owner). */
  enterpriseContact: PersonContact | null
  version: number
  actions: VisitAction[]
}

export interface ComplianceRow {
  person: PersonContact & { role: Role; roleLabel: string }
  /** 本周, 本月 or 本季度. */
  periodLabel: string
  covered: number
  visited: number
  behind: { id: string; name: string }[]
}

export interface CoveredEnterprise {
  id: string
  name: string
  park: string
  lastVisitAt: number | null
  /** This period's visit is made (and proven). */
  done: boolean
}

export interface VisitCompliance {
  periods: { week: string; month: string; quarter: string }
  /** Everyone the caller may see, those behind first. */
  people: ComplianceRow[]
  /** Enterprises nobody has visited this month (the caller's scope). */
  unvisited: { id: string; name: string }[]
  /** The caller's own row and enterprises, when the caller visits. */
  self: ComplianceRow | null
  mine: CoveredEnterprise[]
}

export interface MilestoneView {
  id: string
  title: string
  dueOn: string
  doneAt: number | null
  note: string
  /** done, on track, due within 7 days, or overdue: a milestone is tracked like a deadline. */
  status: 'done' | 'open' | 'due_soon' | 'overdue'
}

/** 一企一档: the enterprise's five ones (五个一) and its history. */
export interface EnterpriseFile {
  enterprise: { id: string; name: string; creditCode: string; industry: string; kind: string; park: string; address: string; legalPerson: string }
  leader: PersonContact | null
  department: { id: string; name: string } | null
  departmentHead: PersonContact | null
  team: string
  officer: PersonContact | null
  plan: MilestoneView[]
  appeals: { id: string; title: string; state: string; stateLabel: string; submittedAt: number; source: string }[]
  visits: VisitView[]
  /** What the enterprise's QR code carries: only for its owner (to show) and admins. */
  checkinCode: string | null
  /** Whether the caller may change the assignments and the plan. */
  canManage: boolean
}

/** 企业走访码: what the owner shows for a visitor to scan on site. */
export interface CheckinCode {
  enterpriseName: string
  code: string
  /** A mini-program code's fileID on WeChat; a link to a QR image on the local host. */
  image: string
}

/** 领导看板: the month's rates and their trend, the overdue list, and how the visits stand. */
export interface Dashboard {
  month: string
  targets: { responseRate: number; onTimeRate: number; satisfactionRate: number }
  total: BulletinRow
  departments: BulletinRow[]
  /** Per category, most appeals first (name is the category). */
  categories: BulletinRow[]
  /** The month's appeals by the week (Monday to Sunday, cut to the month) they were filed in. */
  /** label: the week's first day in the month (a chart's axis); days: its span, e.g. 3/30–3/31. */
  weeks: { label: string; days: string; received: number; responseRate: number | null; onTimeRate: number | null; satisfactionRate: number | null }[]
  /** Open appeals past their deadline now, town-wide, the longest overdue first. */
  overdue: { total: number; items: AppealSummary[] }
  /** This period's visits per role: enterprise visits made of those owed, and how many people are behind. */
  visits: { role: Role; label: string; periodLabel: string; covered: number; visited: number; people: number; peopleBehind: number }[]
  /** Enterprises nobody has visited this month. */
  unvisited: number
}

/** A shared problem of the month that could become its 每月一题. */
export interface TopicCandidate {
  /** group:<lead appeal id> for a linked group, category:<category>|<department id> for a hot spot. */
  key: string
  title: string
  category: string
  department: { id: string; name: string } | null
  appeals: number
  open: number
  enterpriseCount: number
  /** Up to ten of the enterprises it touches. */
  enterprises: string[]
  /** Already linked by staff into one group (问题汇聚). */
  linked: boolean
}

export interface MonthlyTopic {
  id: string
  month: string
  title: string
  category: string
  /** The task force's lead department. */
  department: { id: string; name: string }
  leadAppealId: string | null
  note: string
  dueOn: string
  appeals: number
  open: number
  /** done once none of its appeals is open; overdue past its day. */
  state: 'open' | 'overdue' | 'done'
}

/** 一季一督查 / 年终一考核: each department's score from its rates and the configured weights. */
export interface Assessment {
  period: string
  label: string
  weights: { responseRate: number; onTimeRate: number; satisfactionRate: number }
  departments: {
    departmentId: string
    name: string
    received: number
    responseRate: number | null
    onTimeRate: number | null
    satisfactionRate: number | null
    /** Out of 100; null with nothing to score. */
    score: number | null
    grade: string | null
    rank: number | null
  }[]
}

/** A bulletin as a spreadsheet file, inline. */
export interface BulletinExport {
  fileName: string
  base64: string
}

/** 个人信息查阅: what the service holds about the caller as a person. */
export interface MyData {
  profile: { name: string; phone: string; role: string; enterprise: string | null; wechatBound: boolean }
  appeals: { id: string; title: string; stateLabel: string; submittedAt: number; contactName: string; contactPhone: string }[]
  uploads: { id: string; name: string; size: number; createdAt: number; attached: boolean }[]
  visits: { id: string; topic: string; day: string; state: string }[]
  exhibitions: { exhibitionId: string; name: string; phone: string; company: string; kind: string; sharesContact: boolean }[]
  favourites: number
  messages: number
}

/** The month's figures split one way, ranked; `departmentId` (on each row) is the key of the split. */
export interface Breakdown {
  month: string
  by: 'department' | 'officer' | 'category' | 'enterprise'
  departmentId: string | null
  rows: BulletinRow[]
}
