import type { PolicyAdminSummary, PolicyDetail, PolicySource, PolicySummary } from '../contract'
import { isExpired, splitSections } from '../domain/policy'
import type { PolicyRow } from '../store/repositories/policies'

type SummaryRow = Pick<PolicyRow, 'id' | 'title' | 'issuer' | 'doc_no' | 'category' | 'summary' | 'published_at' | 'expires_at'>

export function toPolicySummary(row: SummaryRow, today: string): PolicySummary {
  return {
    id: row.id,
    title: row.title,
    issuer: row.issuer,
    docNo: row.doc_no,
    category: row.category,
    summary: row.summary,
    publishedAt: row.published_at,
    expiresAt: row.expires_at,
    expired: isExpired(row.expires_at, today),
  }
}

export function toPolicyDetail(row: PolicyRow, today: string, reader: { favourite: boolean; reason: string | null }): PolicyDetail {
  return { ...toPolicySummary(row, today), effectiveFrom: row.effective_from, sections: splitSections(row.body), ...reader }
}

export function toPolicyAdminSummary(row: PolicyRow, today: string): PolicyAdminSummary {
  return { ...toPolicySummary(row, today), status: row.status, updatedAt: row.updated_at }
}

export function toPolicySource(row: PolicyRow): PolicySource {
  const list = (json: string) => JSON.parse(json) as string[]
  return {
    id: row.id,
    status: row.status,
    title: row.title,
    issuer: row.issuer,
    docNo: row.doc_no,
    category: row.category,
    effectiveFrom: row.effective_from,
    expiresAt: row.expires_at,
    summary: row.summary,
    industries: list(row.industries),
    kinds: list(row.kinds),
    enterpriseTags: list(row.enterprise_tags),
    tags: list(row.tags),
    body: row.body,
  }
}

/** A stored policy's audience in the shape the domain's matching takes. */
export function audienceOf(row: Pick<PolicyRow, 'industries' | 'kinds' | 'enterprise_tags' | 'expires_at'>) {
  return {
    industries: JSON.parse(row.industries) as string[],
    kinds: JSON.parse(row.kinds) as string[],
    enterpriseTags: JSON.parse(row.enterprise_tags) as string[],
    expiresAt: row.expires_at,
  }
}
