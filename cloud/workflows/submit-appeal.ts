import type { DeadlineConfig } from '../domain/appeal/deadlines'
import { initialDeadlines, proxyDeadlines } from '../domain/appeal/deadlines'
import { DEFAULT_OFFICE_RULES, type OfficeRules } from '../domain/appeal/office'
import { numberingMonth } from '../domain/appeal/numbering'
import { sourceLabel, SUBMITTED } from '../domain/appeal/rules'
import { newId } from '../store/ids'
import type { Role } from '../domain/roles'
import type { Db } from '../store/database'
import { insertNumberedAppeal, routedDepartment, type NewAppealEvent, type NewAppealRow } from '../store/repositories/appeals'
import type { EnterpriseRow } from '../store/repositories/enterprises'
import { notifyAppealEvent } from '../notify/appeal-notifications'

export interface NewAppeal {
  enterprise: EnterpriseRow
  createdBy: { id: string; role: Role }
  clientRequestId: string
  /** owner, proxy, exhibition, visit, or the channel staff took it down from (phone, hotline, window). */
  source: string
  category: string
  title: string
  description: string
  urgency: 'normal' | 'urgent'
  contactName: string
  contactPhone: string
  policyId?: string | null
  serviceItemId?: string | null
  /** A 请帮我办 item's published limit in working days: its close deadline. */
  itemWorkingDays?: number | null
  moderation: 'pass' | 'review'
  /** 作风投诉: goes to the 纪检 department or the 督查 office, and `accusedId` never sees it. */
  conduct?: { accusedId: string | null }
  /** 敏感诉求匿名交办: the handling department does not see the enterprise's name. */
  anonymous?: boolean
  /** The 12345 工单 number. */
  hotlineTicket?: string | null
  /** Staff took it down for the enterprise (代为登记): its owners are told, by message. */
  tellOwners?: boolean
  /** What the first timeline event records besides the moderation verdict, e.g. the visit it came from. */
  origin?: Record<string, unknown>
}

/**
 * Writes a new appeal inside the caller's transaction: routed by category to a department, held by
 * the enterprise's own officer, given its deadlines, with its first event and the handler told.
 * Two kinds go elsewhere: a complaint about staff goes to the 纪检 department configured (its head
 * assigns it) or else to the 督查 office, never to the enterprise's officer; an anonymous one waits
 * for the routed department's head to assign it, since the enterprise's own officer would know it.
 * The owner's form, staff taking one down, a visit's problems and an on-site appeal all file through here,
 * and each takes its 诉求编号 here, in the same transaction.
 */
export async function submitAppeal(
  trx: Db,
  appeal: NewAppeal,
  now: number,
  deadlines: DeadlineConfig,
  office: OfficeRules = DEFAULT_OFFICE_RULES,
): Promise<string> {
  // The routing table is read by the insert itself, and the insert answers the row as stored.
  const departmentId = appeal.conduct ? office.conductDepartmentId : routedDepartment(trx, appeal.category, appeal.enterprise.department_id)
  const handlerId = appeal.conduct || appeal.anonymous ? null : appeal.enterprise.officer_id
  const due =
    appeal.itemWorkingDays && appeal.urgency === 'normal'
      ? proxyDeadlines(now, appeal.itemWorkingDays, deadlines)
      : initialDeadlines(now, appeal.urgency, deadlines)
  const id = newId('ap')
  const filed: NewAppealRow = {
    id,
    enterprise_id: appeal.enterprise.id,
    created_by: appeal.createdBy.id,
    client_request_id: appeal.clientRequestId,
    source: appeal.source,
    policy_id: appeal.policyId ?? null,
    service_item_id: appeal.serviceItemId ?? null,
    category: appeal.category,
    title: appeal.title,
    description: appeal.description,
    urgency: appeal.urgency,
    complexity: 'ordinary',
    contact_name: appeal.contactName,
    contact_phone: appeal.contactPhone,
    state: SUBMITTED,
    handler_id: handlerId,
    department_id: departmentId,
    submitted_at: now,
    accept_due_at: due.acceptDueAt,
    close_due_at: due.closeDueAt,
    due_at: due.acceptDueAt,
    supervision_level: 0,
    supervised_due_at: null,
    accepted_at: null,
    resolved_at: null,
    closed_at: null,
    moderation: appeal.moderation,
    help_kind: null,
    help_amount: null,
    reopen_count: 0,
    dispute_count: 0,
    resolved_late: 0,
    public_summary: '',
    conduct: appeal.conduct ? 1 : 0,
    accused_id: appeal.conduct?.accusedId ?? null,
    anonymous: appeal.anonymous ? 1 : 0,
    hotline_ticket: appeal.hotlineTicket ?? null,
    paused_ms: 0,
    pause_count: 0,
    return_objected: 0,
    withdrawn_late: 0,
    rating_voided: 0,
    rectify_late: 0,
    spot_check_picked: 0,
    version: 0,
    updated_at: now,
  }
  const firstEvent: NewAppealEvent = {
    id: newId('ev'),
    appeal_id: id,
    seq: 1,
    actor_id: appeal.createdBy.id,
    actor_role: appeal.createdBy.role,
    action: 'create',
    from_state: null,
    to_state: SUBMITTED,
    // Taken down for the enterprise: the timeline says from where (and the 工单 number).
    note: appeal.tellOwners
      ? `${sourceLabel(appeal.source)}${appeal.hotlineTicket ? ` ${appeal.hotlineTicket}` : ''}，工作人员代为登记`
      : '',
    data: JSON.stringify({
      moderation: appeal.moderation,
      source: appeal.source,
      ...(appeal.hotlineTicket ? { hotlineTicket: appeal.hotlineTicket } : {}),
      ...(appeal.itemWorkingDays ? { itemWorkingDays: appeal.itemWorkingDays } : {}),
      ...appeal.origin,
    }),
    at: now,
  }
  const row = await insertNumberedAppeal(trx, numberingMonth(now), filed, firstEvent)
  // The handler learns at once that work has arrived (unless the handler filed it).
  await notifyAppealEvent(trx, row, { action: 'create', note: appeal.title, actorId: appeal.createdBy.id, key: 'created' }, now)
  // Taken down for the enterprise: it learns, with what was written down, so it can follow it.
  if (appeal.tellOwners)
    await notifyAppealEvent(trx, row, { action: 'filedFor', note: appeal.title, actorId: appeal.createdBy.id, key: 'filed-for' }, now)
  return id
}
