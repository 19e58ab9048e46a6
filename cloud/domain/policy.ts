/** Pure rules about policies. Dates are YYYY-MM-DD strings in Beijing time. No imports: the app uses it too. */

export const POLICY_CATEGORIES = ['税费', '金融', '用工社保', '科技创新', '用地规划', '审批服务', '外贸物流', '产业扶持'] as const
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number]

/** A policy is expired from the day after its last valid day. */
export function isExpired(expiresAt: string | null, today: string): boolean {
  return expiresAt !== null && expiresAt < today
}

/**
 * The explainer body is Markdown with level-2 headings for its fixed sections
 * (谁能享受, 能享受什么, 怎么办理 …). Splits it into those sections, text kept as written.
 */
export function splitSections(body: string): { heading: string; text: string }[] {
  const sections: { heading: string; text: string }[] = []
  for (const line of body.split(/\r?\n/)) {
    const heading = /^##\s+(.+?)\s*$/.exec(line)
    if (heading) sections.push({ heading: heading[1], text: '' })
    else if (sections.length > 0) sections[sections.length - 1].text += `${line}\n`
  }
  return sections.map((s) => ({ heading: s.heading, text: s.text.trim() }))
}

/** The sections no explainer may lack: who can have it, what they get, and how to apply. */
export const REQUIRED_SECTIONS = ['谁能享受', '能享受什么', '怎么办理'] as const

/** The required sections a Markdown explainer body lacks, in order; empty when it has them all. */
export function missingSections(body: string): string[] {
  const headings = splitSections(body).map((s) => s.heading)
  return REQUIRED_SECTIONS.filter((required) => !headings.includes(required))
}
