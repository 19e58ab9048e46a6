import type { ParsedInput, PolicyDetail } from '../../contract'
import { inZone } from '../../domain/clock'
import { notFound } from '../../domain/errors'
import { matchPolicy } from '../../domain/policy-match'
import { isStaff } from '../../domain/roles'
import { findPolicyById } from '../../store/repositories/policies'
import { isFavourite, recordPolicyView } from '../../store/repositories/policy-reach'
import { enterpriseProfileOf } from '../../views/enterprise-profile'
import { audienceOf, toPolicyDetail } from '../../views/policy-view'
import { ActionContext, requireUser } from '../context'

/**
 * policy.get: one explainer with its sections, whether the reader saved it and why it fits their
 * enterprise. An owner's or visitor's reading counts once per person per day toward its reach. A withdrawn or draft
 * policy is gone for readers.
 */
export async function getPolicy(ctx: ActionContext, input: ParsedInput<'policy.get'>): Promise<PolicyDetail> {
  const user = requireUser(ctx)
  const row = await findPolicyById(ctx.db, input.id)
  if (!row || row.status !== 'published') throw notFound('这条政策不存在或已撤回')
  const now = ctx.clock.now()
  const today = inZone(now).format('YYYY-MM-DD')
  const [favourite, profile] = await Promise.all([
    isFavourite(ctx.db, user.id, row.id),
    enterpriseProfileOf(ctx.db, user),
    // Reach is what enterprises read: staff opening it to deliver it are not readers.
    isStaff(user.role)
      ? undefined
      : recordPolicyView(ctx.db, { policy_id: row.id, user_id: user.id, day: today, enterprise_id: user.enterprise_id, at: now }),
  ])
  const match = profile ? matchPolicy(audienceOf(row), profile, today) : null
  return toPolicyDetail(row, today, { favourite, reason: match?.matches ? match.reason : null })
}
