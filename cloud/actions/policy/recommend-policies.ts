import type { PolicyRecommendation } from '../../contract'
import { inZone } from '../../domain/clock'
import { forbidden } from '../../domain/errors'
import { matchPolicy } from '../../domain/policy-match'
import { findPolicySummaries, listAudiencesInForce } from '../../store/repositories/policies'
import { enterpriseProfileOf } from '../../views/enterprise-profile'
import { audienceOf, toPolicySummary } from '../../views/policy-view'
import { ActionContext, requireUser } from '../context'

/** More than an owner reads in one sitting; the rest is in the full list. */
const RECOMMENDED = 30

/**
 * policy.recommend (为我推荐): the policies in force that fit the owner's enterprise, each with the
 * reason; those written for its industry, kind or qualifications before those for everyone, newest
 * first within each. An enterprise bound today gets what fits today.
 */
export async function recommendPolicies(ctx: ActionContext): Promise<PolicyRecommendation[]> {
  const user = requireUser(ctx)
  const profile = await enterpriseProfileOf(ctx.db, user)
  if (!profile) throw forbidden('请先绑定企业，再查看为您推荐的政策')
  const today = inZone(ctx.clock.now()).format('YYYY-MM-DD')
  const fitting = []
  for (const audience of await listAudiencesInForce(ctx.db, today)) {
    const match = matchPolicy(audienceOf(audience), profile, today)
    if (match.matches) fitting.push({ audience, match })
  }
  const best = fitting
    .sort(
      (a, b) =>
        Number(b.match.specific) - Number(a.match.specific) ||
        b.audience.published_at.localeCompare(a.audience.published_at) ||
        a.audience.id.localeCompare(b.audience.id),
    )
    .slice(0, RECOMMENDED)
  const rows = new Map(
    (
      await findPolicySummaries(
        ctx.db,
        best.map((b) => b.audience.id),
      )
    ).map((row) => [row.id, row]),
  )
  return best.map(({ audience, match }) => ({ ...toPolicySummary(rows.get(audience.id)!, today), reason: match.reason }))
}
