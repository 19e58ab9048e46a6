import { HELP_KINDS, type HelpKind } from '../appeal/help'

/**
 * An entry of the help ledger (帮扶台账): help staff delivered to one enterprise, with or without an
 * appeal. It counts in the bulletin only once the enterprise confirms it (确认收到), so the figures
 * quoted come from what enterprises agree they received.
 */
export const HELP_ENTRY_STATES = {
  pending: '待企业确认',
  confirmed: '企业已确认',
  disputed: '企业有异议',
} as const
export type HelpEntryState = keyof typeof HELP_ENTRY_STATES

export type HelpAnswer = 'confirm' | 'dispute'

/**
 * Whether the enterprise may answer an entry now: it confirms a pending or disputed entry (a
 * dispute settled by talking it over), and disputes only a pending one. Null when allowed.
 */
export function helpAnswerProblem(state: HelpEntryState, answer: HelpAnswer): string | null {
  if (answer === 'confirm') return state === 'confirmed' ? '这条帮扶记录已经确认过了' : null
  if (state === 'confirmed') return '这条帮扶记录已经确认，不能再提出异议'
  if (state === 'disputed') return '已经对这条帮扶记录提出过异议'
  return null
}

/** Yuan in one 万元: staff enter 万元, the ledger (like an appeal's help) keeps yuan. */
export const YUAN_PER_WAN = 10_000

/**
 * The amount as the ledger stores it (yuan, or people), or the problem with what was entered:
 * a money kind takes 万元 above zero, a people kind a whole number of people, other kinds none.
 */
export function helpAmount(kind: HelpKind, amount: number | null | undefined): { value: number | null } | { problem: string } {
  const { measure, label } = HELP_KINDS[kind]
  if (measure === 'none') return amount === null || amount === undefined ? { value: null } : { problem: `「${label}」不填金额或人数` }
  if (amount === null || amount === undefined || !(amount > 0))
    return { problem: measure === 'people' ? `请填写「${label}」的人数` : `请填写「${label}」的金额（万元）` }
  if (measure === 'people') return Number.isInteger(amount) ? { value: amount } : { problem: '人数应为整数' }
  const yuan = Math.round(amount * YUAN_PER_WAN)
  return yuan > 0 ? { value: yuan } : { problem: '金额太小，请以万元填写' }
}
