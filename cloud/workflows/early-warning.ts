import {
  DROP_THRESHOLD_SETTING,
  dropWarns,
  figureOf,
  readDropThreshold,
  revenueDrop,
  sameMonthLastYear,
  shortOrderFirms,
  warningDetail,
  type WarningReason,
} from '../domain/ledger/indicators'
import { notifyWarningOpened } from '../notify/ledger-notifications'
import type { Db } from '../store/database'
import { newId } from '../store/ids'
import { findEnterpriseById, type EnterpriseRow } from '../store/repositories/enterprises'
import { findIndicatorReport, listIndustryReports, openWarningTask, type IndicatorReportRow } from '../store/repositories/ledger'
import { findTownSetting } from '../store/repositories/town-settings'

/**
 * 未诉先办: reads a report just saved (in its transaction) against the rules, and opens a task for
 * the covering officer of each enterprise it concerns, at most one per enterprise and month (the
 * table's unique key), with a message. Answers the enterprises a task was opened for now.
 * Known gap: on PostgreSQL two firms whose reports make the third short-orders report at the same
 * moment each see only two; the rule then fires on the industry's next short-orders report.
 */
export async function raiseWarnings(trx: Db, report: IndicatorReportRow, enterprise: EnterpriseRow, now: number): Promise<string[]> {
  const opened: string[] = []
  const open = async (firm: EnterpriseRow, reason: WarningReason, detail: string) => {
    const id = newId('warn')
    const fresh = await openWarningTask(trx, {
      id,
      enterprise_id: firm.id,
      month: report.month,
      reason,
      detail,
      officer_id: firm.officer_id,
      state: 'open',
      opened_at: now,
      closed_at: null,
      closed_by: null,
      close_note: null,
    })
    if (!fresh) return
    opened.push(firm.id)
    if (firm.officer_id) await notifyWarningOpened(trx, { id, officerId: firm.officer_id, enterpriseName: firm.name, detail }, now)
  }

  const threshold = readDropThreshold(await findTownSetting(trx, DROP_THRESHOLD_SETTING))
  const lastYear = await findIndicatorReport(trx, enterprise.id, sameMonthLastYear(report.month))
  const drop = revenueDrop(figureOf(report.revenue), figureOf(lastYear?.revenue))
  if (dropWarns(drop, threshold))
    await open(enterprise, 'revenue_drop', warningDetail('revenue_drop', { month: report.month, drop: drop!, threshold }))

  if (report.orders === 'short' && enterprise.industry) {
    const peers = await listIndustryReports(trx, enterprise.industry, report.month)
    const firms = shortOrderFirms(peers.map((p) => ({ enterpriseId: p.enterprise_id, orders: p.orders })))
    const detail = warningDetail('short_orders', { month: report.month, industry: enterprise.industry, firms: firms.length })
    for (const firmId of firms) {
      const firm = firmId === enterprise.id ? enterprise : await findEnterpriseById(trx, firmId)
      if (firm) await open(firm, 'short_orders', detail)
    }
  }
  return opened
}
