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
  resolved: '已办结',
  reopened: '重办中',
  closed: '已关闭',
  returned: '不予受理',
  disputed: '派单异议',
  merged: '已并单',
} as const
export type AppealState = keyof typeof STATE_LABELS

export const SUBMITTED: AppealState = 'submitted'
/** A deadline runs on these: to accept (submitted) or to close (the rest). */
export const OPEN_STATES: AppealState[] = ['submitted', 'accepted', 'in_progress', 'extension_pending', 'reopened', 'disputed']
export const DONE_STATES: AppealState[] = ['resolved', 'closed', 'returned', 'merged']

export const isOpen = (state: string) => (OPEN_STATES as string[]).includes(state)
export const stateLabel = (state: string) => STATE_LABELS[state as AppealState] ?? state

/** Who stands in what relation to the appeal; the table below names the one each move needs. */
/**
 * 'reviewer': staff who see it and do not hold it, so a follow-up call (回访) is not the handler
 * checking on himself. 'coordinator': leaders and admins, who settle disputed dispatches.
 * 'enterprise-owner': the owner who filed it, or the enterprise's primary owner (never a co-owner
 * bound later). 'staff-manager': an admin or leader, or the head of the handler's department, who
 * hands an officer's work to a successor (交接).
 */
export type Relation = 'handler' | 'department-head' | 'enterprise-owner' | 'reviewer' | 'coordinator' | 'staff-manager' | 'system'

export const TRANSITIONS = {
  accept: { label: '受理', from: ['submitted'], to: 'accepted', by: 'handler' },
  return: { label: '不予受理', from: ['submitted'], to: 'returned', by: 'handler' },
  progress: { label: '办理进展', from: ['accepted', 'in_progress', 'reopened'], to: 'in_progress', by: 'handler' },
  /** Finishing early is always allowed, even while an extension waits for its decision. */
  resolve: { label: '办结', from: ['accepted', 'in_progress', 'reopened', 'extension_pending'], to: 'resolved', by: 'handler' },
  /** 申请延期: the handler asks for a later close date; the deadline keeps running until the head decides. */
  requestExtension: { label: '申请延期', from: ['accepted', 'in_progress', 'reopened'], to: 'extension_pending', by: 'handler' },
  approveExtension: { label: '同意延期', from: ['extension_pending'], to: 'in_progress', by: 'department-head' },
  refuseExtension: { label: '不同意延期', from: ['extension_pending'], to: 'in_progress', by: 'department-head' },
  /** 派单异议: the department it was sent to says it is outside its remit, instead of letting it rot. */
  dispute: { label: '派单异议', from: ['submitted', 'accepted'], to: 'disputed', by: 'handler' },
  /** 改派: a leader or admin decides and sends it on (or back), and the department gets the full time again. */
  redispatch: { label: '改派', from: ['disputed'], to: 'submitted', by: 'coordinator' },
  rate: { label: '评价', from: ['resolved'], to: 'closed', by: 'enterprise-owner' },
  rateUnsatisfied: { label: '评价（不满意，重办）', from: ['resolved'], to: 'reopened', by: 'enterprise-owner' },
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
    from: ['submitted', 'accepted', 'in_progress', 'reopened', 'extension_pending'],
    to: 'resolved',
    by: 'handler',
  },
  /** 并单: a true duplicate from the same enterprise ends in the earlier appeal, which carries on. */
  merge: { label: '并单', from: ['submitted', 'accepted', 'in_progress', 'reopened'], to: 'merged', by: 'handler' },
  /** 督办 by a leader or admin: an open appeal is pressed on its handler and the department's head. */
  supervise: {
    label: '领导督办',
    from: ['submitted', 'accepted', 'in_progress', 'extension_pending', 'reopened', 'disputed'],
    to: 'unchanged',
    by: 'coordinator',
  },
  /** The sweep closes what nobody rated within a week. */
  autoClose: { label: '逾期未评价，自动关闭', from: ['resolved'], to: 'closed', by: 'system' },
  /** A call to the enterprise after the fact; it records what was heard and moves nothing. */
  followUp: { label: '回访', from: ['resolved', 'closed'], to: 'unchanged', by: 'reviewer' },
  /** 交接: an officer leaves or moves, and what they hold goes to a named successor; the deadline keeps running. */
  handover: {
    label: '交接',
    from: ['submitted', 'accepted', 'in_progress', 'extension_pending', 'reopened', 'disputed'],
    to: 'unchanged',
    by: 'staff-manager',
  },
} as const satisfies Record<string, { label: string; from: readonly AppealState[]; to: AppealState | 'unchanged'; by: Relation }>

export type AppealMove = keyof typeof TRANSITIONS
export const APPEAL_MOVES = Object.keys(TRANSITIONS) as AppealMove[]

export const RATING_LABELS = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' } as const
export type Rating = keyof typeof RATING_LABELS
/** The ratings an owner chooses from, best first. */
export const RATINGS = Object.keys(RATING_LABELS) as Rating[]

/** Timeline entries that are not moves: filing, and the supervision sweep's steps. */
const OTHER_EVENT_LABELS: Record<string, string> = {
  create: '提交诉求',
  mergedIn: '合并重复诉求',
  remindDueSoon: '临期提醒',
  remindOverdue: '超期督办',
  escalate: '上报领导督办',
}
export const moveLabel = (action: string) => TRANSITIONS[action as AppealMove]?.label ?? OTHER_EVENT_LABELS[action] ?? action

export type Verdict = { ok: true; to: AppealState } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string }

/**
 * May this person make this move now? First who (a wrong person is FORBIDDEN whatever the state),
 * then when (a right person at the wrong moment is CONFLICT, with the state it is in).
 */
export function decide(state: string, relations: ReadonlySet<Relation>, action: AppealMove): Verdict {
  const rule = TRANSITIONS[action]
  if (!relations.has(rule.by)) {
    const message = {
      handler: '您不是这条诉求的承办人，不能执行此操作',
      'department-head': '只有诉求所在部门的负责人可以交办或审批延期',
      'enterprise-owner': '只有提出诉求的人或企业的主要负责人可以评价',
      reviewer: '回访应由承办人以外的工作人员进行',
      coordinator: '只有领导或管理员可以改派',
      'staff-manager': '只有管理员、领导或承办人所在部门的负责人可以办理交接',
      system: '此操作由系统自动执行',
    }[rule.by]
    return { ok: false, code: 'FORBIDDEN', message }
  }
  if (!(rule.from as readonly string[]).includes(state)) {
    return { ok: false, code: 'CONFLICT', message: `该诉求当前状态为「${stateLabel(state)}」，不能${rule.label}` }
  }
  return { ok: true, to: rule.to === 'unchanged' ? (state as AppealState) : rule.to }
}

/** The deadline running in a state: to accept while submitted, to close while open, none after. */
export function runningDeadline(state: string, acceptDueAt: number, closeDueAt: number): number | null {
  if (state === SUBMITTED) return acceptDueAt
  return isOpen(state) ? closeDueAt : null
}

export const dueLabel = (state: string) => (state === SUBMITTED ? '受理期限' : '办结期限')

export function statesForListFilter(filter: AppealListFilter): AppealState[] | null {
  if (filter === 'open') return OPEN_STATES
  if (filter === 'awaiting_rating') return ['resolved']
  if (filter === 'done') return ['closed', 'returned']
  return null
}
