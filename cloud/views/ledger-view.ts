import type { HelpEntryView, IndicatorReportView, WarningView } from '../contract'
import { formatHelp, HELP_KINDS, type HelpKind } from '../domain/appeal/help'
import { HELP_ENTRY_STATES } from '../domain/ledger/help-entry'
import { figureOf, ORDER_STATES, revenueDrop, WARNING_REASONS, WARNING_STATES } from '../domain/ledger/indicators'
import type { HelpEntryRow, IndicatorReportRow, WarningTaskRow } from '../store/repositories/ledger'

export function helpEntryView(row: HelpEntryRow & { enterprise_name: string }): HelpEntryView {
  const kind = row.kind in HELP_KINDS ? (row.kind as HelpKind) : 'other'
  return {
    id: row.id,
    eventId: row.event_id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    kind: row.kind,
    kindLabel: HELP_KINDS[kind].label,
    amount: row.amount === null ? null : Number(row.amount),
    text: formatHelp(kind, row.amount === null ? null : Number(row.amount)),
    givenOn: row.given_on,
    note: row.note,
    evidence: JSON.parse(row.evidence) as string[],
    appealId: row.appeal_id,
    state: row.state,
    stateLabel: HELP_ENTRY_STATES[row.state],
    disputeReason: row.dispute_reason,
    recordedAt: Number(row.recorded_at),
    answeredAt: row.answered_at === null ? null : Number(row.answered_at),
  }
}

export function indicatorReportView(row: IndicatorReportRow, lastYearRevenue: number | null): IndicatorReportView {
  return {
    enterpriseId: row.enterprise_id,
    month: row.month,
    revenue: figureOf(row.revenue),
    employees: figureOf(row.employees),
    tax: figureOf(row.tax),
    orders: row.orders,
    ordersLabel: row.orders === null ? null : ORDER_STATES[row.orders],
    power: figureOf(row.power),
    situation: row.situation,
    updatedAt: Number(row.updated_at),
    revenueDrop: revenueDrop(figureOf(row.revenue), figureOf(lastYearRevenue)),
  }
}

export function warningView(row: WarningTaskRow & { enterprise_name: string }): WarningView {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    month: row.month,
    reason: row.reason,
    reasonLabel: WARNING_REASONS[row.reason],
    detail: row.detail,
    officerId: row.officer_id,
    state: row.state,
    stateLabel: WARNING_STATES[row.state],
    openedAt: Number(row.opened_at),
    closedAt: row.closed_at === null ? null : Number(row.closed_at),
    closeNote: row.close_note,
  }
}
