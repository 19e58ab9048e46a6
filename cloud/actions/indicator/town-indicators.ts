import type { ActionOutput, ParsedInput } from '../../contract'
import { sameMonthLastYear } from '../../domain/ledger/indicators'
import { sumIndicatorsBy } from '../../store/repositories/ledger'
import type { ActionContext } from '../context'

/** indicator.town: the town's month by industry or park, 产值 against the same firms' last year. */
export async function townIndicators(ctx: ActionContext, input: ParsedInput<'indicator.town'>): Promise<ActionOutput<'indicator.town'>> {
  const groups = await sumIndicatorsBy(ctx.db, input.by, input.month, sameMonthLastYear(input.month))
  return { month: input.month, by: input.by, groups }
}
