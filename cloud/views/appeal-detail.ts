import type { AppealDetail, EscalationView, PersonContact } from '../contract'
import { formatHelp, type HelpKind } from '../domain/appeal/help'
import { isBadRating, moveLabel, RATING_LABELS, sourceLabel, stateLabel, type Rating } from '../domain/appeal/rules'
import { seesIdentity } from '../domain/appeal/visibility'
import { notFound } from '../domain/errors'
import { ROLE_LABELS, type Role } from '../domain/roles'
import {
  findAppealById,
  findAppealDetailRow,
  listAppealEventsWithActors,
  listEscalations,
  listGroupSummaries,
  type AppealRow,
  type EscalationRow,
} from '../store/repositories/appeals'
import { findPolicyById } from '../store/repositories/policies'
import { listAppealUploads } from '../store/repositories/uploads'
import type { UserRow } from '../store/repositories/users'
import { Deps } from '../actions/context'
import { findServiceItem } from '../actions/service/services'
import { toUploadView } from './upload-view'
import { allowedMovesFor, relationsOf } from '../access/appeal-relations'
import { ANONYMOUS_ENTERPRISE, toAppealSummary } from './appeal-summary'
import { assertVisible } from '../access/appeal-access'

/** Who a timeline entry's actor was, as the viewer may read it. */
function actorOf(event: { actor_role: string; actor_name: string | null; data: string }, hidden: boolean) {
  if (event.actor_role === 'county') {
    const data = JSON.parse(event.data) as { answeredBy?: string }
    return { name: data.answeredBy ?? '县级部门', role: '县级部门' }
  }
  if (event.actor_role === 'system') return { name: '系统', role: '自动' }
  // The handling department does not learn who in an anonymous enterprise wrote.
  if (hidden && event.actor_role === 'owner') return { name: '企业', role: ROLE_LABELS.owner }
  return { name: event.actor_name ?? '系统', role: ROLE_LABELS[event.actor_role as Role] ?? event.actor_role }
}

/** An escalation as the viewer sees it: the link only for the staff who may escalate, while it can still be answered. */
function escalationView(row: EscalationRow, links: Deps['countyLinks'], withLink: boolean, now: number): EscalationView {
  const live = withLink && links && row.answered_at === null && row.expires_at > now
  return {
    id: row.id,
    office: row.office,
    question: row.question,
    askedAt: row.asked_at,
    expiresAt: row.expires_at,
    link: live ? links.sign({ id: row.id, appealId: row.appeal_id, expiresAt: row.expires_at }).url : null,
    answer: row.answer,
    answeredAt: row.answered_at,
    answeredBy: row.answered_by,
  }
}

function ratingView(appeal: AppealRow, staff: boolean): AppealDetail['rating'] {
  if (!appeal.rating) return null
  return {
    rating: appeal.rating,
    label: RATING_LABELS[appeal.rating as Rating] ?? appeal.rating,
    bad: isBadRating(appeal.rating),
    voided: appeal.rating_voided === 1,
    contest: appeal.rating_contest,
    solved: appeal.solved === null ? null : appeal.solved === 1,
    spotCheck: staff
      ? { picked: appeal.spot_check_picked === 1, checkedAt: appeal.spot_checked_at, result: appeal.spot_check_result }
      : null,
  }
}

/**
 * One appeal as its viewer sees it: the facts, the handler to call, the timeline, and what they may
 * do. `justActed` skips the visibility check for the answer to a change the viewer was allowed to
 * make, which may itself take the appeal out of their sight (a transfer to another department).
 * The handling department reads an anonymous enterprise's appeal without its name or contact.
 */
export async function loadAppealDetail(
  { db, files, countyLinks }: Pick<Deps, 'db' | 'files' | 'countyLinks'>,
  viewer: UserRow,
  id: string,
  now: number,
  justActed = false,
): Promise<AppealDetail> {
  // One round trip for what every appeal has (the row with the names beside it, the timeline with
  // its actors' names, attachments, escalations), read before visibility is decided and dropped
  // unless the viewer may see it; then only what this appeal links to.
  const [row, events, uploads, escalations] = await Promise.all([
    findAppealDetailRow(db, id),
    listAppealEventsWithActors(db, id),
    listAppealUploads(db, id),
    listEscalations(db, id),
  ])
  if (!row) throw notFound(justActed ? '这条诉求不存在' : '这条诉求不存在，或您无权查看')
  const {
    enterprise_name,
    enterprise_officer_id,
    handler_user_id,
    handler_name,
    handler_title,
    handler_phone,
    department_row_id,
    department_name,
    ...appeal
  } = row
  if (!justActed) assertVisible(appeal, enterprise_officer_id, viewer)
  const [group, mergedInto, policy] = await Promise.all([
    appeal.group_id ? listGroupSummaries(db, appeal.group_id) : [],
    appeal.merged_into ? findAppealById(db, appeal.merged_into) : undefined,
    appeal.policy_id ? findPolicyById(db, appeal.policy_id) : undefined,
  ])
  const summary = { ...appeal, enterprise_name, handler_name }
  const serviceItem = appeal.service_item_id ? findServiceItem(appeal.service_item_id) : undefined
  const contact: PersonContact | null =
    handler_user_id !== null
      ? { id: handler_user_id, name: handler_name ?? '', title: handler_title ?? '', phone: handler_phone ?? '' }
      : null
  const department = department_row_id !== null ? { id: department_row_id, name: department_name ?? '' } : null
  const hidden = appeal.anonymous === 1 && !seesIdentity(viewer.role)
  const staff = viewer.role !== 'owner'
  // The link is the handler's to send; nobody else is shown it.
  const mayEscalate = relationsOf(appeal, viewer).has('handler')

  return {
    ...toAppealSummary(summary, now, viewer.role),
    source: appeal.source,
    sourceLabel: sourceLabel(appeal.source),
    hotlineTicket: appeal.hotline_ticket,
    publicSummary: staff ? appeal.public_summary || null : null,
    conduct: appeal.conduct === 1,
    anonymous: appeal.anonymous === 1,
    infoRequest: appeal.info_request,
    pause: { pausedAt: appeal.paused_at, count: appeal.pause_count, totalMs: Number(appeal.paused_ms) },
    rating: ratingView(appeal, staff),
    returnReview: appeal.return_outcome ? { outcome: appeal.return_outcome, objected: appeal.return_objected === 1 } : null,
    rectification: appeal.rectify_due_at !== null ? { dueAt: appeal.rectify_due_at, doneAt: appeal.rectified_at } : null,
    escalations: escalations.map((row) => escalationView(row, countyLinks, mayEscalate, now)),
    description: appeal.description,
    contactName: hidden ? ANONYMOUS_ENTERPRISE : appeal.contact_name,
    contactPhone: hidden ? '' : appeal.contact_phone,
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
                  enterpriseName: toAppealSummary(m, now, viewer.role).enterpriseName,
                  state: m.state,
                  stateLabel: stateLabel(m.state),
                })),
        }
      : null,
    mergedInto: mergedInto ? { id: mergedInto.id, title: mergedInto.title } : null,
    attachments: uploads.map((upload) => toUploadView(upload, files)),
    timeline: events.map((event) => {
      const actor = actorOf(event, hidden)
      return {
        seq: event.seq,
        action: event.action,
        actionLabel: moveLabel(event.action),
        actorName: actor.name,
        actorRoleLabel: actor.role,
        toState: event.to_state,
        toStateLabel: stateLabel(event.to_state),
        note: event.note,
        at: event.at,
      }
    }),
    allowedMoves: allowedMovesFor(appeal, viewer),
  }
}
