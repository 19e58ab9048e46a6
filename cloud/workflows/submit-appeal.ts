import type { DeadlineConfig } from '../domain/appeal/deadlines'
import { initialDeadlines } from '../domain/appeal/deadlines'
import { SUBMITTED } from '../domain/appeal/rules'
import type { AppealSource } from '../domain/appeal/categories'
import { newId } from '../store/ids'
import type { Role } from '../domain/roles'
import type { Db } from '../store/database'
import { appendAppealEvent, findAppealById, findRoutingDepartment, insertAppeal } from '../store/repositories/appeals'
import type { EnterpriseRow } from '../store/repositories/enterprises'
import { notifyAppealEvent } from '../notify/appeal-notifications'

export interface NewAppeal {
  enterprise: EnterpriseRow
  createdBy: { id: string; role: Role }
  clientRequestId: string
  source: AppealSource
  category: string
  title: string
  description: string
  urgency: 'normal' | 'urgent'
  contactName: string
  contactPhone: string
  policyId?: string | null
  serviceItemId?: string | null
  moderation: 'pass' | 'review'
  /** What the first timeline event records besides the moderation verdict, e.g. the visit it came from. */
  origin?: Record<string, unknown>
}

/**
 * Writes a new appeal inside the caller's transaction: routed by category to a department, held by
 * the enterprise's own officer, given its deadlines, with its first event and the handler told.
 * The owner's form, a visit's problems and an on-site appeal all file through here.
 */
export async function submitAppeal(trx: Db, appeal: NewAppeal, now: number, deadlines: DeadlineConfig): Promise<string> {
  const departmentId = (await findRoutingDepartment(trx, appeal.category)) ?? appeal.enterprise.department_id
  const due = initialDeadlines(now, appeal.urgency, deadlines)
  const id = newId('ap')
  await insertAppeal(trx, {
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
    handler_id: appeal.enterprise.officer_id,
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
    version: 0,
    updated_at: now,
  })
  await appendAppealEvent(trx, {
    id: newId('ev'),
    appeal_id: id,
    seq: 1,
    actor_id: appeal.createdBy.id,
    actor_role: appeal.createdBy.role,
    action: 'create',
    from_state: null,
    to_state: SUBMITTED,
    note: '',
    data: JSON.stringify({ moderation: appeal.moderation, ...appeal.origin }),
    at: now,
  })
  // The handler learns at once that work has arrived (unless the handler filed it).
  await notifyAppealEvent(
    trx,
    (await findAppealById(trx, id))!,
    { action: 'create', note: appeal.title, actorId: appeal.createdBy.id, key: 'created' },
    now,
  )
  return id
}
