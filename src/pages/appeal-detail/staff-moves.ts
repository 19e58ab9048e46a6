import type { ActionInput, ActionName } from '../../../cloud/contract'
import { HELP_KINDS, type HelpKind } from '../../../cloud/domain/appeal/help'

/** What the form beside the buttons holds; each action reads the parts it needs. */
export interface MoveForm {
  text: string
  /** A picked officer (交办, 改派) or department (转办, 改派). */
  officerId?: string
  departmentId?: string
  /** YYYY-MM-DD: a complex appeal's close date at 受理, or the date asked for in 申请延期. */
  date?: string
  redirectTo: string
  helpKind?: HelpKind
  /** As typed: 万元 for money, people for recruitment. */
  helpAmount: string
  approve?: boolean
}

export const EMPTY_FORM: MoveForm = { text: '', redirectTo: '', helpAmount: '' }

/**
 * The staff actions the detail page offers, in the order of the buttons: the words on the button,
 * what the text box asks for, and which pickers the form shows.
 */
export const STAFF_MOVES = {
  accept: { label: '受理', prompt: '受理说明（可不填）', picks: ['date'] },
  progress: { label: '添加进展', prompt: '办理到哪一步了', picks: [] },
  resolve: { label: '办结', prompt: '办理结果：做了什么、解决了什么', picks: ['help'] },
  requestExtension: { label: '申请延期', prompt: '延期理由：为什么不能按期办结', picks: ['date'] },
  decideExtension: { label: '审批延期', prompt: '审批说明（可不填）', picks: ['approve'] },
  return: { label: '不予受理', prompt: '不予受理的理由', picks: ['redirect'] },
  dispute: { label: '派单异议', prompt: '异议理由：为什么不属本部门职责', picks: [] },
  redispatch: { label: '改派', prompt: '改派说明（可不填）', picks: ['department', 'officer'] },
  assign: { label: '交办', prompt: '交办说明（可不填）', picks: ['officer'] },
  transfer: { label: '转办', prompt: '转办理由：为什么应由该部门办理', picks: ['department'] },
  followUp: { label: '回访', prompt: '回访情况：企业对办理结果怎么说', picks: [] },
  supervise: { label: '督办', prompt: '督办要求：请在什么时间前办到什么程度', picks: [] },
} as const satisfies Record<string, { label: string; prompt: string; picks: readonly Pick[] }>

export type Pick = 'date' | 'help' | 'approve' | 'redirect' | 'department' | 'officer'
export type StaffMove = keyof typeof STAFF_MOVES
export const STAFF_MOVE_ORDER = Object.keys(STAFF_MOVES) as StaffMove[]

/** One call of the API, typed by its action. */
export type ApiRequest = { [A in ActionName]: { action: A; payload: ActionInput<A> } }[ActionName]

/** Officers think in 万元; the API takes yuan (or people). */
export function helpPayload(kind: HelpKind | undefined, amount: string): { helpKind?: HelpKind; helpAmount?: number } {
  if (!kind) return {}
  const value = Number(amount)
  if (!amount || !Number.isFinite(value) || HELP_KINDS[kind].measure === 'none') return { helpKind: kind }
  return { helpKind: kind, helpAmount: Math.round(HELP_KINDS[kind].measure === 'yuan' ? value * 10_000 : value) }
}

/**
 * The call a filled form makes, or the Chinese hint for the one choice still missing (which the
 * server would refuse anyway; saying it here spares a round trip). Text rules are the server's.
 */
export function requestFor(action: StaffMove, appeal: { id: string; version: number }, form: MoveForm): ApiRequest | { missing: string } {
  const base = { id: appeal.id, version: appeal.version }
  switch (action) {
    case 'accept':
      return { action: 'appeal.accept', payload: { ...base, note: form.text, ...(form.date ? { closeBy: form.date } : {}) } }
    case 'progress':
      return { action: 'appeal.progress', payload: { ...base, note: form.text } }
    case 'resolve':
      return { action: 'appeal.resolve', payload: { ...base, outcome: form.text, ...helpPayload(form.helpKind, form.helpAmount) } }
    case 'requestExtension':
      if (!form.date) return { missing: '请选择延期后的办结期限' }
      return { action: 'appeal.requestExtension', payload: { ...base, closeBy: form.date, reason: form.text } }
    case 'decideExtension':
      if (form.approve === undefined) return { missing: '请选择同意或不同意' }
      return { action: 'appeal.decideExtension', payload: { ...base, approve: form.approve, note: form.text } }
    case 'return':
      return { action: 'appeal.return', payload: { ...base, reason: form.text, redirectTo: form.redirectTo } }
    case 'dispute':
      return { action: 'appeal.dispute', payload: { ...base, reason: form.text } }
    case 'redispatch':
      if (!form.departmentId) return { missing: '请选择改派到哪个部门' }
      return {
        action: 'appeal.redispatch',
        payload: { ...base, departmentId: form.departmentId, note: form.text, ...(form.officerId ? { officerId: form.officerId } : {}) },
      }
    case 'assign':
      if (!form.officerId) return { missing: '请选择交办给哪位特派员' }
      return { action: 'appeal.assign', payload: { ...base, officerId: form.officerId, note: form.text } }
    case 'transfer':
      if (!form.departmentId) return { missing: '请选择转办到哪个部门' }
      return { action: 'appeal.transfer', payload: { ...base, departmentId: form.departmentId, reason: form.text } }
    case 'followUp':
      return { action: 'appeal.followUp', payload: { ...base, note: form.text } }
    case 'supervise':
      return { action: 'appeal.supervise', payload: { ...base, note: form.text } }
  }
}

/** After these the appeal may be out of the person's sight (another department holds it): go back. */
export const LEAVES_SIGHT: readonly StaffMove[] = ['transfer']
