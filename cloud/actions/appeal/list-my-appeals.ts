import type { AppealSummary, Page, ParsedInput } from '../../contract'
import { statesForListFilter } from '../../domain/appeal/rules'
import { forbidden } from '../../domain/errors'
import { selectAppealSummaries } from '../../store/repositories/appeals'
import { ActionContext, requireUser } from '../context'
import { toAppealSummary } from '../../views/appeal-summary'

/** appeal.listMine: the owner's enterprise's appeals, newest first. */
export async function listMyAppeals(ctx: ActionContext, input: ParsedInput<'appeal.listMine'>): Promise<Page<AppealSummary>> {
  const user = requireUser(ctx)
  if (!user.enterprise_id) throw forbidden('请先绑定企业')
  const states = statesForListFilter(input.filter)
  let query = selectAppealSummaries(ctx.db).where('appeals.enterprise_id', '=', user.enterprise_id)
  if (states) query = query.where('appeals.state', 'in', states)
  const [rows, count] = await Promise.all([
    query.orderBy('appeals.submitted_at', 'desc').orderBy('appeals.id').limit(input.limit).offset(input.offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  const now = ctx.clock.now()
  return { items: rows.map((row) => toAppealSummary(row, now)), total: Number(count.n) }
}
