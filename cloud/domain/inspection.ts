import { endOfWorkingDaysAfter } from './working-days'

/**
 * 一季一督查: the 督查 office (admins) or a leader inspects a department for a quarter and records
 * findings; each finding is put right (整改) by the department: its head answers with what was
 * done, and the inspector closes it (销号) or returns it to be done again. Pure: the caller brings
 * the clock and who is asking.
 */
export const FINDING_STATES = {
  open: '待整改',
  answered: '待销号',
  returned: '退回重改',
  closed: '已销号',
} as const
export type FindingState = keyof typeof FINDING_STATES

/** How the caller stands to a finding: the head of its department, or the one who may close it. */
export type FindingRelation = 'head' | 'inspector' | 'none'
export type FindingMove = 'answer' | 'close' | 'return'

/** The moves as a table: from which states, by whom, to what. */
export const FINDING_MOVES: Record<FindingMove, { from: readonly FindingState[]; by: FindingRelation; to: FindingState; label: string }> = {
  answer: { from: ['open', 'returned'], by: 'head', to: 'answered', label: '反馈整改情况' },
  close: { from: ['answered'], by: 'inspector', to: 'closed', label: '销号' },
  return: { from: ['answered'], by: 'inspector', to: 'returned', label: '退回重改' },
}

/** 整改 within 15 working days of the inspection being recorded. */
export const RECTIFY_WORKING_DAYS = 15
export const findingDueAt = (recordedAt: number) => endOfWorkingDaysAfter(recordedAt, RECTIFY_WORKING_DAYS)

export type FindingDecision = { ok: true; to: FindingState } | { ok: false; problem: string; forbidden: boolean }

/** Whether the caller may make the move now, and the state it leads to. */
export function decideFinding(state: FindingState, relation: FindingRelation, move: FindingMove): FindingDecision {
  const rule = FINDING_MOVES[move]
  if (relation !== rule.by)
    return {
      ok: false,
      forbidden: true,
      problem: rule.by === 'head' ? '只有被督查部门的负责人可以反馈整改' : '只有督查人或督查室可以销号或退回',
    }
  if (!rule.from.includes(state)) return { ok: false, forbidden: false, problem: `这条督查问题${FINDING_STATES[state]}，不能${rule.label}` }
  return { ok: true, to: rule.to }
}

/** The moves open to the caller now: the page's buttons. */
export const findingMoves = (state: FindingState, relation: FindingRelation): FindingMove[] =>
  (Object.keys(FINDING_MOVES) as FindingMove[]).filter((move) => decideFinding(state, relation, move).ok)

/** How the caller stands: the head of the finding's department, its inspector or an admin (the 督查 office), or neither. */
export function findingRelation(
  user: { id: string; role: string; departmentId: string | null },
  finding: { departmentId: string; inspectorId: string },
): FindingRelation {
  if (user.role === 'dept_head' && user.departmentId === finding.departmentId) return 'head'
  if (user.role === 'admin' || (user.role === 'leader' && user.id === finding.inspectorId)) return 'inspector'
  return 'none'
}

export interface FindingTimes {
  state: FindingState
  dueAt: number
  /** The latest answer (the one closed on, once closed). */
  answeredAt: number | null
}

/** Past its deadline and not closed. */
export const findingOverdue = (f: FindingTimes, now: number) => f.state !== 'closed' && now > f.dueAt

/**
 * Whether a finding was put right on time, for the assessment: closed on an answer given by the
 * deadline counts; closed late, or still open past the deadline, does not; open within its time
 * is not decided yet (null) and is not counted either way.
 */
export function findingOnTime(f: FindingTimes, now: number): boolean | null {
  if (f.state === 'closed') return f.answeredAt !== null && f.answeredAt <= f.dueAt
  return now > f.dueAt ? false : null
}
