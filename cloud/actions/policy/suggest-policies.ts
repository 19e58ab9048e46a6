import type { ParsedInput, PolicySummary } from '../../contract'
import { inZone } from '../../domain/clock'
import { suggestPolicies } from '../../domain/policy-suggest'
import { listPoliciesInForce } from '../../store/repositories/policies'
import { toPolicySummary } from '../../views/policy-view'
import { ActionContext } from '../context'

/**
 * policy.suggest: while an owner types an appeal, the policies in force that may already answer it,
 * so they can find the answer at once. At most three; none when nothing fits well.
 */
export async function suggestPoliciesFor(ctx: ActionContext, input: ParsedInput<'policy.suggest'>): Promise<PolicySummary[]> {
  const today = inZone(ctx.clock.now()).format('YYYY-MM-DD')
  const rows = await listPoliciesInForce(ctx.db, today)
  const candidates = rows.map((row) => ({ ...row, tags: JSON.parse(row.tags) as string[] }))
  return suggestPolicies(input.text, input.category, candidates).map((row) => toPolicySummary(row, today))
}
