import { inZone, ZONE } from '../../domain/clock'
import { badRequest } from '../../domain/errors'
import type { AppealListFilter } from '../../domain/appeal/lists'
import type { AppealRow } from '../../store/repositories/appeals'
import type { UserRow } from '../../store/repositories/users'
import dayjs from 'dayjs'

// PROVISIONAL: the app-facing facade over the appeal rules, to be backed by cloud/domain/appeal.

export const SUBMITTED_STATE = 'submitted'
export const OPEN_STATES = ['submitted', 'accepted', 'in_progress', 'extension_pending', 'reopened', 'disputed']
export const DONE_STATES = ['resolved', 'closed', 'returned']

const STATE_LABELS: Record<string, string> = {
  submitted: '待受理',
  accepted: '已受理',
  in_progress: '办理中',
  extension_pending: '延期审批中',
  resolved: '已办结',
  reopened: '重办中',
  closed: '已关闭',
  returned: '不予受理',
  disputed: '派单异议',
}

const ACTION_LABELS: Record<string, string> = {
  create: '提交诉求',
  accept: '受理',
  return: '不予受理',
  progress: '办理进展',
  resolve: '办结',
  rate: '评价',
  rateUnsatisfied: '评价（不满意，重办）',
  remindDueSoon: '临期提醒',
  remindOverdue: '超期督办',
  escalate: '上报领导督办',
}

export const RATING_LABELS = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' } as const

export type AppealAction = 'accept' | 'return' | 'progress' | 'resolve' | 'rate' | 'rateUnsatisfied'

export const stateLabel = (state: string) => STATE_LABELS[state] ?? state
export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action
export const dueLabel = (state: string) => (state === 'submitted' ? '受理期限' : '办结期限')

export function statesForListFilter(filter: AppealListFilter): string[] | null {
  if (filter === 'open') return OPEN_STATES
  if (filter === 'awaiting_rating') return ['resolved']
  if (filter === 'done') return ['closed', 'returned']
  return null
}

const HOUR = 3600_000
export function initialDeadlines(now: number, urgency: 'normal' | 'urgent') {
  return urgency === 'urgent'
    ? { acceptDueAt: now + 2 * HOUR, closeDueAt: now + 24 * HOUR }
    : { acceptDueAt: now + 24 * HOUR, closeDueAt: now + 72 * HOUR }
}

export function reopenedCloseDeadline(now: number): number {
  return now + 72 * HOUR
}

export function complexCloseDeadline(closeBy: string, now: number): number {
  const end = dayjs.tz(`${closeBy} 23:59:59`, ZONE).valueOf()
  if (!(end > now)) throw badRequest('办结期限应晚于今天', 'closeBy')
  if (end - now > 30 * 24 * HOUR) throw badRequest('办结期限最长 30 天', 'closeBy')
  return end
}

export function runningDeadline(state: string, acceptDue: number, closeDue: number, _resolvedAt: number | null): number | null {
  if (state === 'submitted') return acceptDue
  if (OPEN_STATES.includes(state)) return closeDue
  return null
}

const TABLE: Record<AppealAction, { from: string[]; to: string; who: 'handler' | 'owner' }> = {
  accept: { from: ['submitted'], to: 'accepted', who: 'handler' },
  return: { from: ['submitted'], to: 'returned', who: 'handler' },
  progress: { from: ['accepted', 'in_progress', 'reopened'], to: 'in_progress', who: 'handler' },
  resolve: { from: ['accepted', 'in_progress', 'reopened'], to: 'resolved', who: 'handler' },
  rate: { from: ['resolved'], to: 'closed', who: 'owner' },
  rateUnsatisfied: { from: ['resolved'], to: 'reopened', who: 'owner' },
}

type Verdict = { ok: true; to: string } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string }

export function decideFor(appeal: AppealRow, user: UserRow, _enterpriseOfficerId: string | null, action: AppealAction): Verdict {
  const rule = TABLE[action]
  const mayAct =
    rule.who === 'owner'
      ? user.role === 'owner' && user.enterprise_id === appeal.enterprise_id
      : appeal.handler_id === user.id || (user.role === 'dept_head' && user.department_id === appeal.department_id)
  if (!mayAct) return { ok: false, code: 'FORBIDDEN', message: '您不是这条诉求的承办人，不能执行此操作' }
  if (!rule.from.includes(appeal.state)) {
    return { ok: false, code: 'CONFLICT', message: `该诉求当前状态为「${stateLabel(appeal.state)}」，不能${actionLabel(action)}` }
  }
  return { ok: true, to: rule.to }
}

export function allowedActionsFor(appeal: AppealRow, user: UserRow, enterpriseOfficerId: string | null): string[] {
  return (Object.keys(TABLE) as AppealAction[])
    .filter((action) => decideFor(appeal, user, enterpriseOfficerId, action).ok)
    .map((action) => (action === 'rateUnsatisfied' ? 'rate' : action))
    .filter((action, index, all) => all.indexOf(action) === index)
}

void inZone
