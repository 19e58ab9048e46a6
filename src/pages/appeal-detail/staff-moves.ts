import type { ActionInput, ActionName } from '../../../cloud/contract'
import { HELP_KINDS, type HelpKind } from '../../../cloud/domain/appeal/help'
import type { Rating } from '../../../cloud/domain/appeal/rules'

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
  /** The two-way decisions: 同意延期, 维持不予受理, 申诉成立, 评价属实 … (see DECISIONS). */
  approve?: boolean
  /** 公开摘要 at 受理: one line for the public. */
  summary: string
  /** 上报: the county office asked. */
  office: string
  /** 回访: what the enterprise said of its problem. */
  solved?: boolean
  /** 抽查回访 that finds a rating given under pressure: what the enterprise says now. */
  rating?: Rating
}

export const EMPTY_FORM: MoveForm = { text: '', redirectTo: '', helpAmount: '', summary: '', office: '' }

/**
 * The staff actions the detail page offers, in the order of the buttons: the words on the button,
 * what the text box asks for, and which pickers the form shows.
 */
export const STAFF_MOVES = {
  accept: { label: '受理', prompt: '受理说明（可不填）', picks: ['summary', 'date'] },
  progress: { label: '添加进展', prompt: '办理到哪一步了', picks: [] },
  requestInfo: { label: '要求补充材料', prompt: '需要企业补充什么：材料名称、用途，企业确认后暂停计时', picks: [] },
  cancelInfoRequest: { label: '撤回补充要求', prompt: '说明（可不填）', picks: [] },
  resolve: { label: '办结', prompt: '办理结果：做了什么、解决了什么', picks: ['help'] },
  requestExtension: { label: '申请延期', prompt: '延期理由：为什么不能按期办结', picks: ['date'] },
  decideExtension: { label: '审批延期', prompt: '审批说明（可不填）', picks: ['approve'] },
  escalate: { label: '上报县级部门', prompt: '上报事项：需要县级部门答复什么', picks: ['office'] },
  return: { label: '不予受理', prompt: '不予受理的理由', picks: ['redirect'] },
  dispute: { label: '派单异议', prompt: '异议理由：为什么不属本部门职责', picks: [] },
  reviewReturn: { label: '审核不予受理', prompt: '审核意见', picks: ['approve'] },
  contestRating: { label: '差评申诉', prompt: '申诉理由：为什么这条差评不实', picks: [] },
  ruleContest: { label: '复核差评申诉', prompt: '复核意见', picks: ['approve'] },
  spotCheck: { label: '抽查回访', prompt: '回访情况：企业怎么说', picks: ['approve', 'rating'] },
  redispatch: { label: '改派', prompt: '改派说明（可不填）', picks: ['department', 'officer'] },
  assign: { label: '交办', prompt: '交办说明（可不填）', picks: ['officer'] },
  transfer: { label: '转办', prompt: '转办理由：为什么应由该部门办理', picks: ['department'] },
  followUp: { label: '回访', prompt: '回访情况：企业对办理结果怎么说', picks: ['solved'] },
  supervise: { label: '督办', prompt: '督办要求：请在什么时间前办到什么程度', picks: [] },
} as const satisfies Record<string, { label: string; prompt: string; picks: readonly Pick[] }>

export type Pick = 'date' | 'help' | 'approve' | 'redirect' | 'department' | 'officer' | 'summary' | 'office' | 'solved' | 'rating'
export type StaffMove = keyof typeof STAFF_MOVES
export const STAFF_MOVE_ORDER = Object.keys(STAFF_MOVES) as StaffMove[]

/**
 * Which of the moves a person may make is the one the staff bar offers as its button (the rest
 * wait behind 更多): what carries the appeal forward from where it stands, first that applies.
 */
const PRIMARY_ORDER: readonly StaffMove[] = [
  'accept',
  'decideExtension',
  'reviewReturn',
  'ruleContest',
  'spotCheck',
  'assign',
  'resolve',
  'followUp',
  'supervise',
  'redispatch',
]

/** The staff bar's one button, and what goes behind 更多, both in the order of STAFF_MOVE_ORDER. */
export function splitStaffMoves(moves: readonly StaffMove[]): { primary: StaffMove | undefined; more: StaffMove[] } {
  const primary = PRIMARY_ORDER.find((m) => moves.includes(m)) ?? moves[0]
  return { primary, more: moves.filter((m) => m !== primary) }
}

/** The two answers of each yes-or-no decision, yes first. */
export const DECISIONS: Partial<Record<StaffMove, readonly [string, string]>> = {
  decideExtension: ['同意延期', '不同意'],
  reviewReturn: ['维持不予受理', '退回重办'],
  ruleContest: ['申诉成立，差评不计', '申诉不成立'],
  spotCheck: ['评价属实', '评价不实'],
}

/** One call of the API, typed by its action. */
export type ApiRequest = { [A in ActionName]: { action: A; payload: ActionInput<A> } }[ActionName]

/** Officers think in 万元; the API takes yuan (or people). */
export function helpPayload(kind: HelpKind | undefined, amount: string): { helpKind?: HelpKind; helpAmount?: number } {
  if (!kind) return {}
  const value = Number(amount)
  if (!amount || !Number.isFinite(value) || HELP_KINDS[kind].measure === 'none') return { helpKind: kind }
  return { helpKind: kind, helpAmount: Math.round(HELP_KINDS[kind].measure === 'yuan' ? value * 10_000 : value) }
}

const DECIDE_FIRST: Partial<Record<StaffMove, string>> = {
  decideExtension: '请选择同意或不同意',
  reviewReturn: '请选择维持不予受理或退回重办',
  ruleContest: '请选择申诉成立或不成立',
  spotCheck: '请选择评价属实或评价不实',
}

/**
 * The call a filled form makes, or the Chinese hint for the one choice still missing (which the
 * server would refuse anyway; saying it here spares a round trip). Text rules are the server's.
 */
export function requestFor(action: StaffMove, appeal: { id: string; version: number }, form: MoveForm): ApiRequest | { missing: string } {
  const base = { id: appeal.id, version: appeal.version }
  if (DECIDE_FIRST[action] && form.approve === undefined) return { missing: DECIDE_FIRST[action]! }
  switch (action) {
    case 'accept':
      // A complex appeal: the date asked for and why (the text box asks for the reason then).
      return {
        action: 'appeal.accept',
        payload: { ...base, publicSummary: form.summary, ...(form.date ? { closeBy: form.date, reason: form.text } : { note: form.text }) },
      }
    case 'progress':
      return { action: 'appeal.progress', payload: { ...base, note: form.text } }
    case 'requestInfo':
      return { action: 'appeal.requestInfo', payload: { ...base, request: form.text } }
    case 'cancelInfoRequest':
      return { action: 'appeal.cancelInfoRequest', payload: { ...base, note: form.text } }
    case 'resolve':
      return { action: 'appeal.resolve', payload: { ...base, outcome: form.text, ...helpPayload(form.helpKind, form.helpAmount) } }
    case 'requestExtension':
      if (!form.date) return { missing: '请选择延期后的办结期限' }
      return { action: 'appeal.requestExtension', payload: { ...base, closeBy: form.date, reason: form.text } }
    case 'decideExtension':
      return { action: 'appeal.decideExtension', payload: { ...base, approve: form.approve!, note: form.text } }
    case 'escalate':
      return { action: 'appeal.escalate', payload: { ...base, office: form.office, question: form.text } }
    case 'return':
      return { action: 'appeal.return', payload: { ...base, reason: form.text, redirectTo: form.redirectTo } }
    case 'dispute':
      return { action: 'appeal.dispute', payload: { ...base, reason: form.text } }
    case 'reviewReturn':
      return { action: 'appeal.reviewReturn', payload: { ...base, uphold: form.approve!, note: form.text } }
    case 'contestRating':
      return { action: 'appeal.contestRating', payload: { ...base, reason: form.text } }
    case 'ruleContest':
      return { action: 'appeal.ruleContest', payload: { ...base, upheld: form.approve!, note: form.text } }
    case 'spotCheck':
      if (!form.approve && !form.rating) return { missing: '请选择企业现在的评价' }
      return {
        action: 'appeal.spotCheck',
        payload: {
          ...base,
          verdict: form.approve ? 'confirmed' : 'pressured',
          note: form.text,
          ...(form.approve ? {} : { rating: form.rating }),
        },
      }
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
      return {
        action: 'appeal.followUp',
        payload: { ...base, note: form.text, ...(form.solved === undefined ? {} : { solved: form.solved }) },
      }
    case 'supervise':
      return { action: 'appeal.supervise', payload: { ...base, note: form.text } }
  }
}

/** After these the appeal may be out of the person's sight (another department holds it): go back. */
export const LEAVES_SIGHT: readonly StaffMove[] = ['transfer']
