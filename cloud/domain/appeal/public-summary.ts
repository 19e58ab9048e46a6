/**
 * 公开摘要: the line staff write at acceptance for the public (what Open311 publishes instead of the
 * owner's own words). It must not name or number people: no run of digits a phone, an ID card or a
 * licence plate could be, and not the contact's or the enterprise's name.
 */
export const PUBLIC_SUMMARY_MAX = 60

export function publicSummaryProblem(summary: string, names: { contactName: string; enterpriseName: string }): string | null {
  const digits = summary.replace(/[\s-]/g, '')
  if (/\d{6,}/.test(digits)) return '不要写电话、证件号等号码'
  if (/1\d{2}\*{4}\d{4}/.test(digits)) return '不要写电话号码'
  for (const name of [names.contactName, names.enterpriseName].map((n) => n.trim()).filter((n) => n.length >= 2)) {
    if (summary.includes(name)) return `不要写「${name}」等人名或企业名称`
  }
  return null
}
