import type { ActionOutput, ParsedInput } from '../../contract'
import { loadCoveredEnterprise } from '../../access/enterprise-access'
import { addMonths, sameMonthLastYear } from '../../domain/ledger/indicators'
import { listIndicatorReports } from '../../store/repositories/ledger'
import { indicatorReportView } from '../../views/ledger-view'
import type { ActionContext } from '../context'
import { askedFiguresOf } from './figures'

/** indicator.list: an enterprise's 12 months up to the one asked for, each against last year's month. */
export async function listIndicators(ctx: ActionContext, input: ParsedInput<'indicator.list'>): Promise<ActionOutput<'indicator.list'>> {
  const { enterprise } = await loadCoveredEnterprise(ctx, input.enterpriseId)
  const from = addMonths(input.month, -11)
  const rows = await listIndicatorReports(ctx.db, enterprise.id, { from: sameMonthLastYear(from), to: input.month })
  const revenueOf = new Map(rows.map((r) => [r.month, r.revenue]))
  return {
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    asked: await askedFiguresOf(ctx.db),
    reports: rows.filter((r) => r.month >= from).map((r) => indicatorReportView(r, revenueOf.get(sameMonthLastYear(r.month)) ?? null)),
  }
}
