/**
 * Help delivered (帮扶成效), recorded when an appeal is resolved, so the bulletin can say
 * "为 11 家企业协调贷款 1.6 亿元" from data. Each kind says which measure it carries.
 */
export const HELP_KINDS = {
  new_loan: { label: '新增贷款', measure: 'yuan' },
  loan_renewal: { label: '续贷/延期', measure: 'yuan' },
  tax_refund_deferral: { label: '退税/缓税', measure: 'yuan' },
  subsidy: { label: '补贴', measure: 'yuan' },
  recruitment: { label: '用工招录', measure: 'people' },
  // Without an amount, the bulletin needs a verb: "为 3 家企业办结手续", not "为 3 家企业手续办结".
  permit_completed: { label: '手续办结', measure: 'none', verb: '办结手续' },
  other: { label: '其他帮扶', measure: 'none', verb: '提供其他帮扶' },
} as const

export type HelpKind = keyof typeof HELP_KINDS
export const HELP_KIND_IDS = Object.keys(HELP_KINDS) as HelpKind[]

/** How an amount reads to a person: 1.6 亿元, 2868 万元, 5000 元; 77 人. */
export function formatHelp(kind: HelpKind, amount: number | null): string {
  const { label, measure } = HELP_KINDS[kind]
  if (amount === null || measure === 'none') return label
  if (measure === 'people') return `${label} ${amount} 人`
  if (amount >= 1e8) return `${label} ${trim(amount / 1e8)} 亿元`
  if (amount >= 1e4) return `${label} ${trim(amount / 1e4)} 万元`
  return `${label} ${amount} 元`
}

function trim(value: number): string {
  return String(Math.round(value * 100) / 100)
}

/** The bulletin's line for help given to several firms: 为 11 家企业新增贷款 1.6 亿元; 为 3 家企业办结手续. */
export function helpGivenTo(enterprises: number, kind: HelpKind, amount: number | null): string {
  const spec: { measure: string; verb?: string } = HELP_KINDS[kind]
  return `为 ${enterprises} 家企业${spec.verb ?? formatHelp(kind, amount)}`
}
