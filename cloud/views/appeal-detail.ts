import type { AppealDetail, PersonContact } from '../contract'
import { formatHelp, type HelpKind } from '../domain/appeal/help'
import { moveLabel, stateLabel } from '../domain/appeal/rules'
import { notFound } from '../domain/errors'
import { ROLE_LABELS, type Role } from '../domain/roles'
import { findAppealById, getAppealSummary, listAppealEvents, listGroupSummaries } from '../store/repositories/appeals'
import { findDepartmentById } from '../store/repositories/departments'
import { findPolicyById } from '../store/repositories/policies'
import { listAppealUploads } from '../store/repositories/uploads'
import { findUsersByIds, type UserRow } from '../store/repositories/users'
import { Deps } from '../actions/context'
import { findServiceItem } from '../actions/service/services'
import { toUploadView } from './upload-view'
import { allowedMovesFor } from '../access/appeal-relations'
import { toAppealSummary } from './appeal-summary'
import { loadVisibleAppeal } from '../access/appeal-access'

/**
 * One appeal as its viewer sees it: the facts, the handler to call, the timeline, and what they may
 * do. `justActed` skips the visibility check for the answer to a change the viewer was allowed to
 * make, which may itself take the appeal out of their sight (a transfer to another department).
 */
export async function loadAppealDetail(
  { db, files }: Pick<Deps, 'db' | 'files'>,
  viewer: UserRow,
  id: string,
  now: number,
  justActed = false,
): Promise<AppealDetail> {
  const appeal = justActed ? await findAppealById(db, id) : await loadVisibleAppeal(db, viewer, id)
  if (!appeal) throw notFound('这条诉求不存在')
  const [summary, events, department, uploads, group, mergedInto, policy] = await Promise.all([
    getAppealSummary(db, id),
    listAppealEvents(db, id),
    appeal.department_id ? findDepartmentById(db, appeal.department_id) : undefined,
    listAppealUploads(db, id),
    appeal.group_id ? listGroupSummaries(db, appeal.group_id) : [],
    appeal.merged_into ? findAppealById(db, appeal.merged_into) : undefined,
    appeal.policy_id ? findPolicyById(db, appeal.policy_id) : undefined,
  ])
  const serviceItem = appeal.service_item_id ? findServiceItem(appeal.service_item_id) : undefined
  const people = await findUsersByIds(db, [
    ...new Set([appeal.handler_id, ...events.map((e) => e.actor_id)].filter((x): x is string => !!x)),
  ])
  const person = (userId: string | null) => people.find((p) => p.id === userId)
  const handler = person(appeal.handler_id)
  const contact: PersonContact | null = handler ? { id: handler.id, name: handler.name, title: handler.title, phone: handler.phone } : null

  return {
    ...toAppealSummary(summary, now),
    description: appeal.description,
    contactName: appeal.contact_name,
    contactPhone: appeal.contact_phone,
    department: department ? { id: department.id, name: department.name } : null,
    handler: contact,
    acceptDueAt: appeal.accept_due_at,
    closeDueAt: appeal.close_due_at,
    requestedDueAt: appeal.requested_due_at,
    help: appeal.help_kind ? formatHelp(appeal.help_kind as HelpKind, appeal.help_amount) : null,
    policy: policy ? { id: policy.id, title: policy.title } : null,
    serviceItem: serviceItem ? { id: serviceItem.id, name: serviceItem.name } : null,
    // An owner sees that the appeal is handled with others, not the other enterprises' appeals.
    group: appeal.group_id
      ? {
          leadId: appeal.group_id,
          members:
            viewer.role === 'owner'
              ? []
              : group.map((m) => ({
                  id: m.id,
                  title: m.title,
                  enterpriseName: m.enterprise_name,
                  state: m.state,
                  stateLabel: stateLabel(m.state),
                })),
        }
      : null,
    mergedInto: mergedInto ? { id: mergedInto.id, title: mergedInto.title } : null,
    attachments: uploads.map((upload) => toUploadView(upload, files)),
    timeline: events.map((event) => ({
      seq: event.seq,
      action: event.action,
      actionLabel: moveLabel(event.action),
      actorName: person(event.actor_id)?.name ?? '系统',
      actorRoleLabel: event.actor_role === 'system' ? '自动' : (ROLE_LABELS[event.actor_role as Role] ?? event.actor_role),
      toState: event.to_state,
      toStateLabel: stateLabel(event.to_state),
      note: event.note,
      at: event.at,
    })),
    allowedMoves: allowedMovesFor(appeal, viewer),
  }
}
