import type { ParsedInput, PolicyReach } from '../../contract'
import { notFound } from '../../domain/errors'
import { findPolicyById } from '../../store/repositories/policies'
import { policyAudienceReach, policyReachCounts } from '../../store/repositories/policy-reach'
import { ActionContext, requireUser } from '../context'

/** How many enterprises nobody has read it for are listed: a morning's round of visits. */
const UNSEEN_LISTED = 50

/**
 * policy.reach (政策触达): readers, favourites and consultations of a policy, and of the
 * enterprises it is for — an officer's own, a head's department's, everyone's for leaders — how
 * many have read it and which have not, so the officer can bring it to them (送政策上门).
 */
export async function policyReach(ctx: ActionContext, input: ParsedInput<'policy.reach'>): Promise<PolicyReach> {
  const user = requireUser(ctx)
  const row = await findPolicyById(ctx.db, input.id)
  // A draft or a withdrawn policy reaches nobody yet: only its author's office (admins) sees its figures.
  if (!row || (row.status !== 'published' && user.role !== 'admin')) throw notFound('这条政策不存在')
  const scope =
    user.role === 'officer' ? { officerId: user.id } : user.role === 'dept_head' ? { departmentId: user.department_id ?? '' } : {}
  const [counts, audience] = await Promise.all([policyReachCounts(ctx.db, row.id), policyAudienceReach(ctx.db, row, scope, UNSEEN_LISTED)])
  return {
    ...counts,
    matching: audience.matching,
    seen: audience.seen,
    unseen: audience.unseen.map((e) => ({ id: e.id, name: e.name, park: e.park, officerName: e.officer_name })),
  }
}
