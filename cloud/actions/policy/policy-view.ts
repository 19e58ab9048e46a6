import type { PolicyDetail, PolicySummary } from '../../contract'
import { isExpired, splitSections } from '../../domain/policy'
import type { PolicyRow } from '../../store/repositories/policies'

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

export function toPolicyDetail(row: PolicyRow, today: string): PolicyDetail {
  return { ...toPolicySummary(row, today), effectiveFrom: row.effective_from, sections: splitSections(row.body) }
}
