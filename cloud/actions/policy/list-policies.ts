import type { Page, ParsedInput, PolicySummary } from '../../contract'
import { inZone } from '../../domain/clock'
import { listPublishedPolicies } from '../../store/repositories/policies'
import { toPolicySummary } from '../../views/policy-view'
import { ActionContext } from '../context'

/** How far ahead 即将截止 looks. */
const EXPIRING_DAYS = 60

/**
 * policy.list: published policies, searched by words in title, summary, tags and body (ranked in
 * that order), or newest first, or soonest to end; expired ones stay, marked as such.
 */
export async function listPolicies(ctx: ActionContext, input: ParsedInput<'policy.list'>): Promise<Page<PolicySummary>> {
  const now = inZone(ctx.clock.now())
  const today = now.format('YYYY-MM-DD')
  const { rows, total, capped } = await listPublishedPolicies(ctx.db, {
    ...input,
    today,
    expiringBy: now.add(EXPIRING_DAYS, 'day').format('YYYY-MM-DD'),
  })
  const items = rows.map((row) => toPolicySummary(row, today))
  return capped ? { items, total, capped } : { items, total }
}
