import type { AppealSummary, Page, ParsedInput } from '../../contract'
import { statesForListFilter } from '../../domain/appeal/rules'
import { forbidden } from '../../domain/errors'
import { listEnterpriseAppealSummaries } from '../../store/repositories/appeals'
import { ActionContext, requireUser } from '../context'
import { toAppealSummary } from '../../views/appeal-summary'

/** appeal.listMine: the owner's enterprise's appeals, newest first; a search (a 诉求编号, title words) finds only among them. */
export async function listMyAppeals(ctx: ActionContext, input: ParsedInput<'appeal.listMine'>): Promise<Page<AppealSummary>> {
  const user = requireUser(ctx)
  if (!user.enterprise_id) throw forbidden('请先绑定企业')
  const { rows, total } = await listEnterpriseAppealSummaries(
    ctx.db,
    user.enterprise_id,
    statesForListFilter(input.filter),
    input.limit,
    input.offset,
    input.search,
  )
  const now = ctx.clock.now()
  return { items: rows.map((row) => toAppealSummary(row, now, user.role)), total }
}
