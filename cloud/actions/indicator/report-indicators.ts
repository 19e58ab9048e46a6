import type { ActionOutput, ParsedInput } from '../../contract'
import { reportIndicatorsFor, reportIndicatorsInput } from '../../contract/indicator'
import { toBadRequest } from '../../app/validation'
import { loadCoveredEnterprise } from '../../access/enterprise-access'
import { badRequest } from '../../domain/errors'
import type { Figure } from '../../domain/ledger/indicator-figures'
import { reportWindowProblem, sameMonthLastYear } from '../../domain/ledger/indicators'
import { inTransaction } from '../../store/database'
import { newId } from '../../store/ids'
import { findIndicatorReport, upsertIndicatorReport } from '../../store/repositories/ledger'
import { indicatorReportView } from '../../views/ledger-view'
import { raiseWarnings } from '../../workflows/early-warning'
import type { ActionContext } from '../context'
import { askedFiguresOf } from './figures'

/**
 * indicator.report: an owner, or the officer covering the enterprise, reports a month's figures; a
 * second report for the month replaces the first until the month closes. The early-warning rules
 * read the saved report in the same transaction. The town's setting says which figures are asked
 * for: a required one missing is refused under its field, one not asked for is not kept.
 */
export async function reportIndicators(
  ctx: ActionContext,
  input: ParsedInput<'indicator.report'>,
): Promise<ActionOutput<'indicator.report'>> {
  const { user, enterprise } = await loadCoveredEnterprise(ctx, input.enterpriseId)
  const now = ctx.clock.now()
  const closed = reportWindowProblem(input.month, now)
  if (closed) throw badRequest(`「月份」(month)：${closed}`, 'month')
  const asked = await askedFiguresOf(ctx.db)
  const checked = reportIndicatorsFor(asked).safeParse(input)
  if (!checked.success) throw toBadRequest(reportIndicatorsInput, checked.error)
  const kept = <T>(figure: Figure, value: T | null | undefined): T | null => (asked[figure] === 'off' ? null : (value ?? null))
  const { report, opened } = await inTransaction(ctx.db, async (trx) => {
    await upsertIndicatorReport(trx, {
      id: newId('ind'),
      enterprise_id: enterprise.id,
      month: input.month,
      revenue: kept('revenue', input.revenue),
      employees: kept('employees', input.employees),
      tax: kept('tax', input.tax),
      orders: kept('orders', input.orders),
      power: kept('power', input.power),
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
    report: indicatorReportView(report, lastYear?.revenue ?? null),
    warningOpened: opened.includes(enterprise.id),
  }
}
