import type { ActionOutput, ParsedInput } from '../../contract'
import { sameMonthLastYear } from '../../domain/ledger/indicators'
import { sumIndicatorsBy } from '../../store/repositories/ledger'
import type { ActionContext } from '../context'

/** indicator.town: the town's month by industry or park, beside the same groups last year. */
export async function townIndicators(ctx: ActionContext, input: ParsedInput<'indicator.town'>): Promise<ActionOutput<'indicator.town'>> {
  const [now, before] = await Promise.all([
    sumIndicatorsBy(ctx.db, input.by, input.month),
    sumIndicatorsBy(ctx.db, input.by, sameMonthLastYear(input.month)),
  ])
  const lastYear = new Map(before.map((g) => [g.group, g.revenue]))
  return { month: input.month, by: input.by, groups: now.map((g) => ({ ...g, revenueLastYear: lastYear.get(g.group) ?? 0 })) }
}
