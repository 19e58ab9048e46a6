import type { ParsedInput, PolicySummary } from '../../contract'
import { inZone } from '../../domain/clock'
import { notFound } from '../../domain/errors'
import { findPolicyById } from '../../store/repositories/policies'
import { listFavouritePolicyIds, setFavourite } from '../../store/repositories/policy-reach'
import { toPolicySummary } from '../../views/policy-view'
import { ActionContext, requireUser } from '../context'

/** policy.favourite: save (收藏) or unsave a published policy; doing it twice is the same as once. */
export async function favouritePolicy(ctx: ActionContext, input: ParsedInput<'policy.favourite'>): Promise<{ favourite: boolean }> {
  const user = requireUser(ctx)
  const row = await findPolicyById(ctx.db, input.id)
  if (!row || row.status !== 'published') throw notFound('这条政策不存在或已撤回')
  await setFavourite(ctx.db, user.id, row.id, input.on, ctx.clock.now())
  return { favourite: input.on }
}

/** policy.favourites: the caller's saved policies that are still published, last saved first. */
export async function listFavouritePolicies(ctx: ActionContext): Promise<PolicySummary[]> {
  const user = requireUser(ctx)
  const today = inZone(ctx.clock.now()).format('YYYY-MM-DD')
  const saved = []
  for (const { policy_id } of await listFavouritePolicyIds(ctx.db, user.id)) {
    const row = await findPolicyById(ctx.db, policy_id)
    if (row?.status === 'published') saved.push(toPolicySummary(row, today))
  }
  return saved
}
