import type { ActionOutput, ParsedInput } from '../../contract'
import { enterpriseScope } from '../../access/enterprise-access'
import { listWarningTasks } from '../../store/repositories/ledger'
import { warningView } from '../../views/ledger-view'
import type { ActionContext } from '../context'

/** warning.list: the early-warning tasks of the enterprises the caller covers, newest first. */
export async function listWarnings(ctx: ActionContext, input: ParsedInput<'warning.list'>): Promise<ActionOutput<'warning.list'>> {
  const scope = await enterpriseScope(ctx, undefined)
  const { rows, total } = await listWarningTasks(ctx.db, scope, { state: input.state, limit: input.limit, offset: input.offset })
  return { items: rows.map(warningView), total }
}
