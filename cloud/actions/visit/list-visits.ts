import type { Page, ParsedInput, VisitView } from '../../contract'
import { beijingDay } from '../../domain/visit/calendar'
import { listVisits } from '../../store/repositories/visits'
import { ActionContext, requireUser } from '../context'
import { loadVisibleVisit } from '../../access/visit-access'
import { toVisitView, toVisitViews } from '../../views/visit-view'

/** visit.listMine: an owner's visits to their enterprise, or a visitor's own visits. */
export async function listMyVisits(ctx: ActionContext, input: ParsedInput<'visit.listMine'>): Promise<Page<VisitView>> {
  const user = requireUser(ctx)
  const who = user.role === 'owner' ? { enterpriseId: user.enterprise_id ?? '' } : { hostId: user.id }
  const { rows, total } = await listVisits(ctx.db, who, input.scope, beijingDay(ctx.clock.now()), input.limit, input.offset)
  return { items: await toVisitViews(ctx, user, rows), total }
}

/** visit.get: one visit, for its owner, its visitor, and the staff who cover the enterprise. */
export async function getVisit(ctx: ActionContext, input: ParsedInput<'visit.get'>): Promise<VisitView> {
  const user = requireUser(ctx)
  const { visit } = await loadVisibleVisit(ctx.db, user, input.id)
  return toVisitView(ctx, user, visit)
}
