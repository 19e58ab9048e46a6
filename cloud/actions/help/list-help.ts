import type { ActionOutput, ParsedInput } from '../../contract'
import { enterpriseScope } from '../../access/enterprise-access'
import { listHelpEntries } from '../../store/repositories/ledger'
import { helpEntryView } from '../../views/ledger-view'
import type { ActionContext } from '../context'

/** help.list: an owner's enterprise's ledger, or the ledger of the enterprises a member of staff covers. */
export async function listHelp(ctx: ActionContext, input: ParsedInput<'help.list'>): Promise<ActionOutput<'help.list'>> {
  const scope = await enterpriseScope(ctx, input.enterpriseId)
  const { rows, total } = await listHelpEntries(ctx.db, scope, { state: input.state, limit: input.limit, offset: input.offset })
  return { items: rows.map(helpEntryView), total }
}
