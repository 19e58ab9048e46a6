import type { ActionContext } from '../../app/context'
import type { Page, ParsedInput, PolicySummary } from '../../contract'
import { inZone } from '../../domain/clock'
import { listPublishedPolicies } from '../../store/repositories/policies'
import { toPolicySummary } from './policy-view'

/** policy.list: published policies, newest first; expired ones stay, marked as such. */
export async function listPolicies(ctx: ActionContext, input: ParsedInput<'policy.list'>): Promise<Page<PolicySummary>> {
  const { rows, total } = await listPublishedPolicies(ctx.db, input)
  const today = inZone(ctx.clock.now()).format('YYYY-MM-DD')
  return { items: rows.map((row) => toPolicySummary(row, today)), total }
}
