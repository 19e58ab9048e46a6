import type { ActionContext } from '../../app/context'
import type { ParsedInput, PolicyDetail } from '../../contract'
import { inZone } from '../../domain/clock'
import { notFound } from '../../domain/errors'
import { findPolicyById } from '../../store/repositories/policies'
import { toPolicyDetail } from './policy-view'

/** policy.get: one explainer with its sections; a withdrawn policy is gone for readers. */
export async function getPolicy(ctx: ActionContext, input: ParsedInput<'policy.get'>): Promise<PolicyDetail> {
  const row = await findPolicyById(ctx.db, input.id)
  if (!row || row.status !== 'published') throw notFound('这条政策不存在或已撤回')
  return toPolicyDetail(row, inZone(ctx.clock.now()).format('YYYY-MM-DD'))
}
