import type { ActionOutput, ParsedInput } from '../../contract'
import { loadCoveredEnterprise } from '../../access/enterprise-access'
import { badRequest } from '../../domain/errors'
import { reportWindowProblem, sameMonthLastYear } from '../../domain/ledger/indicators'
import { inTransaction } from '../../store/database'
import { newId } from '../../store/ids'
import { findIndicatorReport, upsertIndicatorReport } from '../../store/repositories/ledger'
import { indicatorReportView } from '../../views/ledger-view'
import { raiseWarnings } from '../../workflows/early-warning'
import type { ActionContext } from '../context'

/**
 * indicator.report: an owner, or the officer covering the enterprise, reports a month's figures; a
 * second report for the month replaces the first until the month closes. The early-warning rules
 * read the saved report in the same transaction.
 */
export async function reportIndicators(
  ctx: ActionContext,
  input: ParsedInput<'indicator.report'>,
): Promise<ActionOutput<'indicator.report'>> {
  const { user, enterprise } = await loadCoveredEnterprise(ctx, input.enterpriseId)
  const now = ctx.clock.now()
  const closed = reportWindowProblem(input.month, now)
  if (closed) throw badRequest(`「月份」(month)：${closed}`, 'month')
  const { report, opened } = await inTransaction(ctx.db, async (trx) => {
    await upsertIndicatorReport(trx, {
      id: newId('ind'),
      enterprise_id: enterprise.id,
      month: input.month,
      revenue: input.revenue,
      employees: input.employees,
      tax: input.tax,
      orders: input.orders,
      power: input.power ?? null,
      situation: input.situation,
      reported_by: user.id,
      reported_at: now,
      updated_at: now,
    })
    const saved = (await findIndicatorReport(trx, enterprise.id, input.month))!
    return { report: saved, opened: await raiseWarnings(trx, saved, enterprise, now) }
  })
  const lastYear = await findIndicatorReport(ctx.db, enterprise.id, sameMonthLastYear(input.month))
  return {
    report: indicatorReportView(report, lastYear ? Number(lastYear.revenue) : null),
    warningOpened: opened.includes(enterprise.id),
  }
}
