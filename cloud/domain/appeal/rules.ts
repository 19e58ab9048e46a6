import type { AppealListFilter } from './lists'

/**
 * The appeal's states and the moves between them, as data and pure functions. Code asks these
 * (isOpen, decide) instead of comparing state strings; docs/appeal-states.md says it in words.
 */
export const STATE_LABELS = {
  submitted: '待受理',
  accepted: '已受理',
  in_progress: '办理中',
  extension_pending: '延期审批中',
  /** 待补充: the handler asked the enterprise for information; the clock runs until the enterprise confirms it was asked. */
  info_requested: '待补充',
  /** The enterprise confirmed it was asked: the clock stands still until it answers. */
  info_paused: '补充中',
  resolved: '已办结',
  /** After a 差评: rectified (整改) within the configured working days, then rated again. */
  reopened: '整改中',
  /** Rated, or closed unrated after a week: done for good. 已关闭 read to owners as if it had been dropped. */
  closed: '已完结',
  /** 不予受理, waiting for the 督查 office to uphold it or send it back to be handled. */
  return_review: '不予受理待审核',
  returned: '不予受理',
  disputed: '派单异议',
  merged: '已并单',
  /** 撤回: the enterprise took it back, with its reason. */
  withdrawn: '已撤回',
} as const
export type AppealState = keyof typeof STATE_LABELS
export const APPEAL_STATES = Object.keys(STATE_LABELS) as AppealState[]

export const SUBMITTED: AppealState = 'submitted'
/** Not finished: something is still to happen. A deadline runs on all of them but CLOCK_STOPPED. */
export const OPEN_STATES: AppealState[] = [
  'submitted',
  'accepted',
  'in_progress',
  'extension_pending',
  'info_requested',
  'info_paused',
  'reopened',
  'disputed',
  'return_review',
]
export const DONE_STATES: AppealState[] = ['resolved', 'closed', 'returned', 'merged', 'withdrawn']
/**
 * Open, but no deadline runs: the enterprise confirmed it must supply something (the pause, 暂停计时),
 * or a return waits for the 督查 office, which decides whether the department must handle it.
 */
export const CLOCK_STOPPED: AppealState[] = ['info_paused', 'return_review']
/** The pause of the clock (待补充): entered only with the enterprise's confirmation, left by any move. */
export const PAUSED: AppealState = 'info_paused'

export const isOpen = (state: string) => (OPEN_STATES as string[]).includes(state)
export const stateLabel = (state: string) => STATE_LABELS[state as AppealState] ?? state

/**
 * Who stands in what relation to the appeal; the table below names the one each move needs.
 * 'enterprise-owner': the owner who filed it, or the enterprise's primary owner (never a co-owner
 * bound later). 'filer': the person who filed it (or, for one staff filed on the enterprise's
 * behalf, its primary owner), who alone rates. 'reviewer': staff who
 * see it and do not hold it, so a follow-up call (回访) is not the handler checking on himself.
 * 'coordinator': leaders and admins, who settle disputed dispatches. 'supervisor': the 督查 office
 * (the admin role), which reviews returns, rules on contested ratings and spot-checks good ones.
 * 'staff-manager': an admin or leader, or the head of the handler's department, who hands an
 * officer's work to a successor (交接). 'county': a county office answering through the signed link it was sent (上报), without an account.
 */
export type Relation =
  | 'handler'
  | 'department-head'
  | 'enterprise-owner'
  | 'filer'
  | 'reviewer'
  | 'coordinator'
  | 'supervisor'
  | 'staff-manager'
  | 'county'
  | 'system'

const WORKING: AppealState[] = ['accepted', 'in_progress', 'reopened']
const ASKED: AppealState[] = ['info_requested', 'info_paused']
const RATED_STATES: AppealState[] = ['reopened', 'resolved', 'closed']

export const TRANSITIONS = {
  accept: { label: '受理', from: ['submitted'], to: 'accepted', by: 'handler' },
  /**
   * 受理 of a complex appeal: taken on now (the response counts), but the longer close date it asks
   * for is an extension the head of the department approves; the general deadline runs until then.
   */
  acceptComplex: { label: '受理（复杂诉求，申请延长办结期限）', from: ['submitted'], to: 'extension_pending', by: 'handler' },
  /** 不予受理: the reason and where to go instead; the 督查 office reviews every one. */
  return: { label: '不予受理', from: ['submitted'], to: 'return_review', by: 'handler' },
  progress: { label: '办理进展', from: WORKING, to: 'in_progress', by: 'handler' },
  /** Finishing early is always allowed, even while an extension waits or the enterprise has not answered. */
  resolve: { label: '办结', from: [...WORKING, 'extension_pending', ...ASKED], to: 'resolved', by: 'handler' },
  /** 申请延期: the handler asks for a later close date; the deadline keeps running until the head decides. */
  requestExtension: { label: '申请延期', from: WORKING, to: 'extension_pending', by: 'handler' },
  approveExtension: { label: '同意延期', from: ['extension_pending'], to: 'in_progress', by: 'department-head' },
  refuseExtension: { label: '不同意延期', from: ['extension_pending'], to: 'in_progress', by: 'department-head' },
  /** 待补充: the handler asks the enterprise for information or documents; the clock still runs. */
  requestInfo: { label: '要求补充材料', from: WORKING, to: 'info_requested', by: 'handler' },
  /** The enterprise confirms it was asked: from now the clock stands still. A handler cannot stop it alone. */
  confirmInfoRequest: { label: '确认需补充（暂停计时）', from: ['info_requested'], to: 'info_paused', by: 'enterprise-owner' },
  /** The enterprise answers: the clock resumes with the time that was left. */
  supplyInfo: { label: '补充材料', from: ASKED, to: 'in_progress', by: 'enterprise-owner' },
  /** The handler no longer needs it: the clock resumes. */
  cancelInfoRequest: { label: '撤回补充要求', from: ASKED, to: 'in_progress', by: 'handler' },
  /** 补充说明: the enterprise adds information to an open appeal; it moves nothing. */
  addInfo: {
    label: '企业补充说明',
    from: ['submitted', 'accepted', 'in_progress', 'extension_pending', 'reopened', 'disputed'],
    to: 'unchanged',
    by: 'enterprise-owner',
  },
  /** 撤回: the enterprise takes it back, with its reason, from any open state. */
  withdraw: { label: '企业撤回诉求', from: OPEN_STATES, to: 'withdrawn', by: 'enterprise-owner' },
  /** 派单异议: the department it was sent to says it is outside its remit, instead of letting it rot. */
  dispute: { label: '派单异议', from: ['submitted', 'accepted'], to: 'disputed', by: 'handler' },
  /** 改派: a leader or admin decides and sends it on (or back), and the department gets the full time again. */
  redispatch: { label: '改派', from: ['disputed'], to: 'submitted', by: 'coordinator' },
  /** The enterprise objects to a return, once, with its reason: the 督查 office reviews it (again). */
  objectReturn: { label: '企业对不予受理提出异议', from: ['return_review', 'returned'], to: 'return_review', by: 'enterprise-owner' },
  /** The 督查 office finds the return right: it stands. */
  upholdReturn: { label: '督查审核：维持不予受理', from: ['return_review'], to: 'returned', by: 'supervisor' },
  /** The 督查 office finds it within the department's remit: it is handled, with the full time to close from now. */
  overturnReturn: { label: '督查审核：退回重办', from: ['return_review'], to: 'accepted', by: 'supervisor' },
  /** 好评 (非常满意, 满意, 基本满意): closed. */
  rate: { label: '评价', from: ['resolved'], to: 'closed', by: 'filer' },
  /** 差评 (不满意, 非常不满意): rectified (整改) within the configured working days, then rated again. */
  rateUnsatisfied: { label: '差评，整改', from: ['resolved'], to: 'reopened', by: 'filer' },
  /** 申诉复核: the handler contests a 差评 as unfair; the 督查 office rules. Once per rating. */
  contestRating: { label: '差评申诉复核', from: RATED_STATES, to: 'unchanged', by: 'handler' },
  /** The contest holds: the 差评 is set aside (counted nowhere) and nothing is left to rectify. */
  upholdContest: { label: '督查复核：申诉成立，差评不计', from: RATED_STATES, to: 'closed', by: 'supervisor' },
  dismissContest: { label: '督查复核：申诉不成立，差评有效', from: RATED_STATES, to: 'unchanged', by: 'supervisor' },
  /** 抽查回访: the 督查 office calls an enterprise that rated well, to catch a rating given under pressure. */
  spotCheck: { label: '督查抽查回访', from: ['closed'], to: 'unchanged', by: 'supervisor' },
  /** The call finds a 差评 given as a 好评 under pressure: it stands as a 差评 and is rectified. */
  spotCheckReopen: { label: '督查抽查回访：评价不实，整改', from: ['closed'], to: 'reopened', by: 'supervisor' },
  /** 交办: the head of the department it was routed to gives it to one of their officers. */
  assign: { label: '交办', from: ['submitted', 'accepted', 'in_progress', 'reopened'], to: 'unchanged', by: 'department-head' },
  /** 转办: the handler sends it to the department that should answer it, with the reason. */
  transfer: { label: '转办', from: ['submitted', 'accepted', 'in_progress', 'reopened'], to: 'unchanged', by: 'handler' },
  /**
   * 并案办理 (问题汇聚): alike appeals of several enterprises, linked into one group under a lead
   * appeal, held by the lead's handler, and resolved together.
   */
  link: { label: '并案办理', from: ['submitted', 'accepted', 'in_progress', 'reopened'], to: 'unchanged', by: 'handler' },
  /** A member of a group, resolved with its lead: each enterprise sees the outcome and rates it. */
  resolveWithGroup: {
    label: '随并案一并办结',
    from: ['submitted', ...WORKING, 'extension_pending', ...ASKED],
    to: 'resolved',
    by: 'handler',
  },
  /** 并单: a true duplicate from the same enterprise ends in the earlier appeal, which carries on. */
  merge: { label: '并单', from: ['submitted', 'accepted', 'in_progress', 'reopened'], to: 'merged', by: 'handler' },
  /** 督办 by a leader or admin: an open appeal is pressed on its handler and the department's head. */
  supervise: {
    label: '领导督办',
    from: ['submitted', 'accepted', 'in_progress', 'extension_pending', ...ASKED, 'reopened', 'disputed'],
    to: 'unchanged',
    by: 'coordinator',
  },
  /**
   * 上报: what the town cannot solve goes to a county office, with a signed link to answer by. The
   * town's clock and the handler's duty continue.
   */
  escalateToCounty: {
    label: '上报县级部门',
    from: ['accepted', 'in_progress', 'extension_pending', ...ASKED, 'reopened'],
    to: 'unchanged',
    by: 'handler',
  },
  /** The county office's answer, through its link: it lands in the timeline and moves nothing. */
  countyAnswer: {
    label: '县级部门答复',
    from: statesExcept(['merged', 'withdrawn']),
    to: 'unchanged',
    by: 'county',
  },
  /** The sweep closes what nobody rated within a week. */
  autoClose: { label: '逾期未评价，自动关闭', from: ['resolved'], to: 'closed', by: 'system' },
  /** A call to the enterprise after the fact; it records what was heard and moves nothing. */
  followUp: { label: '回访', from: ['resolved', 'closed'], to: 'unchanged', by: 'reviewer' },
  /** 交接: an officer leaves or moves, and what they hold goes to a named successor; the deadline keeps running. */
  handover: {
    label: '交接',
    from: OPEN_STATES,
    to: 'unchanged',
    by: 'staff-manager',
  },
} as const satisfies Record<string, { label: string; from: readonly AppealState[]; to: AppealState | 'unchanged'; by: Relation }>

function statesExcept(excluded: AppealState[]): AppealState[] {
  return (Object.keys(STATE_LABELS) as AppealState[]).filter((s) => !excluded.includes(s))
}

export type AppealMove = keyof typeof TRANSITIONS
export const APPEAL_MOVES = Object.keys(TRANSITIONS) as AppealMove[]

/**
 * The five levels of 好差评 (国办发〔2019〕51号), best first. The first three are 好评 and count as
 * satisfied (满意率); 不满意 and 非常不满意 are 差评, which are rectified (整改).
 */
export const RATING_LABELS = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
  very_unsatisfied: '非常不满意',
} as const
export type Rating = keyof typeof RATING_LABELS
/** The ratings an owner chooses from, best first. */
export const RATINGS = Object.keys(RATING_LABELS) as Rating[]
export const GOOD_RATINGS: readonly Rating[] = ['very_satisfied', 'satisfied', 'basically_satisfied']
export const BAD_RATINGS: readonly Rating[] = ['unsatisfied', 'very_unsatisfied']
export const isGoodRating = (rating: string | null) => rating !== null && (GOOD_RATINGS as readonly string[]).includes(rating)
/** 差评 */
export const isBadRating = (rating: string | null) => rating !== null && (BAD_RATINGS as readonly string[]).includes(rating)

/** The online service's indicators (好差评 for 网上办事), ticked or not beside the rating. */
export const RATING_INDICATORS = {
  efficiency: '办事效率',
  convenience: '便捷度',
  guide: '指南准确',
  platform: '平台好用',
} as const
export type RatingIndicator = keyof typeof RATING_INDICATORS
export const RATING_INDICATOR_IDS = Object.keys(RATING_INDICATORS) as RatingIndicator[]

/** Where an appeal came from: the owner, staff on the enterprise's behalf, or a 帮办代办 request. */
export const SOURCE_LABELS = {
  owner: '企业提交',
  proxy: '请帮我办',
  exhibition: '展会现场',
  visit: '走访发现',
  phone: '来电代登记',
  hotline: '12345 热线工单',
  window: '窗口来访代登记',
  project: '重点项目问题',
} as const
/** Staff take a caller's appeal down (代为登记): by phone, from a 12345 工单, at the window. */
export const STAFF_CHANNELS = ['phone', 'hotline', 'window'] as const
export type StaffChannel = (typeof STAFF_CHANNELS)[number]
/** Sources where staff filed it on the enterprise's behalf: its owners then rate it, as the filer. */
export const FILED_BY_STAFF: readonly string[] = ['visit', 'project', ...STAFF_CHANNELS]
export const sourceLabel = (source: string) => SOURCE_LABELS[source as keyof typeof SOURCE_LABELS] ?? source

/** Timeline entries that are not moves: filing, and the supervision sweep's steps. */
const OTHER_EVENT_LABELS: Record<string, string> = {
  create: '提交诉求',
  filedFor: '工作人员代为登记诉求',
  mergedIn: '合并重复诉求',
  remindDueSoon: '临期提醒',
  remindOverdue: '超期督办',
  escalate: '上报领导督办',
}
export const moveLabel = (action: string) => TRANSITIONS[action as AppealMove]?.label ?? OTHER_EVENT_LABELS[action] ?? action

/** What, beyond the state, some moves depend on: the rating and what became of it, a return's objection. */
export interface AppealFacts {
  rating: string | null
  /** A 差评 the 督查 office set aside after the handler's contest. */
  ratingVoided: boolean
  /** The handler's contest of the latest rating (申诉复核): none yet, waiting, or ruled. */
  ratingContest: 'pending' | 'upheld' | 'dismissed' | null
  /** The enterprise has used its one objection to a return. */
  returnObjected: boolean
  /** The 督查 office has spot-checked the latest rating. */
  spotChecked: boolean
}

/** The facts of an appeal nobody has rated, returned or contested. */
export const FRESH_FACTS: AppealFacts = {
  rating: null,
  ratingVoided: false,
  ratingContest: null,
  returnObjected: false,
  spotChecked: false,
}

/** Moves allowed only when the facts say so (the state alone is not enough); null when they do. */
const GUARDS: Partial<Record<AppealMove, (facts: AppealFacts) => string | null>> = {
  objectReturn: (f) => (f.returnObjected ? '对不予受理只能提出一次异议' : null),
  contestRating: (f) =>
    !isBadRating(f.rating) || f.ratingVoided ? '只有差评可以申诉复核' : f.ratingContest !== null ? '这条评价已经申诉过' : null,
  upholdContest: (f) => (f.ratingContest === 'pending' ? null : '没有待复核的评价申诉'),
  dismissContest: (f) => (f.ratingContest === 'pending' ? null : '没有待复核的评价申诉'),
  spotCheck: (f) => (!isGoodRating(f.rating) ? '只对好评抽查回访' : f.spotChecked ? '这条评价已经抽查回访过' : null),
  spotCheckReopen: (f) => (!isGoodRating(f.rating) ? '只对好评抽查回访' : f.spotChecked ? '这条评价已经抽查回访过' : null),
}
export const GUARDED_MOVES = Object.keys(GUARDS) as AppealMove[]

export type Verdict = { ok: true; to: AppealState } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string }

const WRONG_PERSON: Record<Relation, string> = {
  handler: '您不是这条诉求的承办人，不能执行此操作',
  'department-head': '只有诉求所在部门的负责人可以交办或审批延期',
  'enterprise-owner': '只有提出诉求的人或企业的主要负责人可以执行此操作',
  filer: '只有提出诉求的人可以评价（工作人员代为登记的，由企业主要负责人评价）',
  reviewer: '回访应由承办人以外的工作人员进行',
  coordinator: '只有领导或管理员可以改派',
  supervisor: '只有督查办（管理员）可以审核、复核和抽查回访',
  'staff-manager': '只有管理员、领导或承办人所在部门的负责人可以办理交接',
  county: '只有收到上报链接的县级部门可以答复',
  system: '此操作由系统自动执行',
}

/**
 * May this person make this move now? First who (a wrong person is FORBIDDEN whatever the state),
 * then when (a right person at the wrong moment is CONFLICT, with the state it is in), then the
 * facts some moves need (a 差评 to contest, an objection not yet used).
 */
export function decide(state: string, relations: ReadonlySet<Relation>, action: AppealMove, facts: AppealFacts = FRESH_FACTS): Verdict {
  const rule = TRANSITIONS[action]
  if (!relations.has(rule.by)) return { ok: false, code: 'FORBIDDEN', message: WRONG_PERSON[rule.by] }
  if (!(rule.from as readonly string[]).includes(state)) {
    return { ok: false, code: 'CONFLICT', message: `该诉求当前状态为「${stateLabel(state)}」，不能${rule.label}` }
  }
  const problem = GUARDS[action]?.(facts)
  if (problem) return { ok: false, code: 'CONFLICT', message: problem }
  return { ok: true, to: rule.to === 'unchanged' ? (state as AppealState) : rule.to }
}

/** The deadline running in a state: to accept while submitted, none while the clock stands still, to close while open, none after. */
export function runningDeadline(state: string, acceptDueAt: number, closeDueAt: number): number | null {
  if (state === SUBMITTED) return acceptDueAt
  if ((CLOCK_STOPPED as string[]).includes(state)) return null
  return isOpen(state) ? closeDueAt : null
}

/**
 * A pause begun after the deadline had passed: overdue for good, whatever the clock says. In SQL:
 * store/repositories/metric-conditions.ts pausedPastDeadlineSql.
 */
export const pausedPastDeadline = (appeal: { state: string; closeDueAt: number; pausedAt: number | null }) =>
  appeal.state === PAUSED && appeal.pausedAt !== null && appeal.closeDueAt < appeal.pausedAt

/**
 * Whether an appeal is past its deadline at `now`: the running one, or, while the clock is paused,
 * the one that had already passed when the pause began (a pause does not cure lateness).
 */
export function isOverdue(
  appeal: { state: string; acceptDueAt: number; closeDueAt: number; pausedAt: number | null },
  now: number,
): boolean {
  if (appeal.state === PAUSED) return pausedPastDeadline(appeal)
  const due = runningDeadline(appeal.state, appeal.acceptDueAt, appeal.closeDueAt)
  return due !== null && due < now
}

/** What the running deadline is for: to accept, to rectify a 差评 (整改), or to close. */
export const dueLabel = (state: string) => (state === SUBMITTED ? '受理期限' : state === 'reopened' ? '整改期限' : '办结期限')

export function statesForListFilter(filter: AppealListFilter): AppealState[] | null {
  if (filter === 'open') return OPEN_STATES
  if (filter === 'awaiting_rating') return ['resolved']
  if (filter === 'done') return ['closed', 'returned', 'withdrawn']
  return null
}
