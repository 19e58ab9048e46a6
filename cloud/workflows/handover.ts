import { OPEN_STATES } from '../domain/appeal/rules'
import { inZone } from '../domain/clock'
import { AppError } from '../domain/errors'
import { slotKey, slotLabel, type Half } from '../domain/visit/calendar'
import { notify, type Notification } from '../notify/notify'
import { notifyVisitEvent } from '../notify/visit-notifications'
import type { Db } from '../store/database'
import { listOpenAppealsHeldBy, type AppealRow } from '../store/repositories/appeals'
import { updateEnterprise, type EnterpriseRow } from '../store/repositories/enterprises'
import { findUsersByIds, listOwnerIds, type UserRow } from '../store/repositories/users'
import { countOpenMilestones, findVisitById, listLiveVisitsOfHost, updateVisitIfVersion, type VisitRow } from '../store/repositories/visits'
import { relationsOf } from '../access/appeal-relations'
import { applyMove, type MoveActor } from './appeal-transition'
import { recordAudit } from './audit'

/** What a handover moved. */
export interface MovedWork {
  enterprises: number
  appeals: number
  visits: number
  milestones: number
}

export interface WorkToMove {
  /** The officer who takes over (接任人). */
  successor: UserRow
  /** Enterprises whose officer becomes the successor; each one's open appeals and visits ahead held by its previous officer go too. */
  enterprises: EnterpriseRow[]
  /** An officer who leaves or moves (交接人): every open appeal they hold and visit they host goes, whatever the enterprise. */
  everythingOf?: UserRow
  /** Why, for the timelines and messages: 交接, 批量包保, 名录导入. */
  reason: string
}

/**
 * Moves an officer's work to a successor, in the caller's transaction (all of it or nothing):
 * the enterprises' officer; each open appeal through the one path every appeal change takes
 * (applyMove: the rules for 交接, the version, the timeline event and the successor's message); each
 * visit ahead to the successor's calendar with both sides told; the plans (一企一策) go with their
 * enterprises. Owners learn who their officer is now; the successor is told once what arrived; each
 * enterprise moved is in the audit log. Handovers, bulk 包保 and roster imports all come here.
 */
export async function moveWork(trx: Db, actor: UserRow, work: WorkToMove, now: number): Promise<MovedWork> {
  const { successor } = work
  const moving = work.enterprises.filter((e) => e.officer_id !== successor.id)
  const previousIds = [...new Set(moving.map((e) => e.officer_id).filter((id): id is string => id !== null))]
  const previous = new Map(
    (await findUsersByIds(trx, [...previousIds, ...(work.everythingOf ? [work.everythingOf.id] : [])])).map((u) => [u.id, u]),
  )

  // What each previous officer holds of the enterprises leaving them, and all of the leaver's.
  const appeals = new Map<string, AppealRow>()
  const visits = new Map<string, VisitRow>()
  for (const officerId of previousIds) {
    const theirs = moving.filter((e) => e.officer_id === officerId).map((e) => e.id)
    for (const a of await listOpenAppealsHeldBy(trx, officerId, OPEN_STATES, theirs)) appeals.set(a.id, a)
    for (const v of await listLiveVisitsOfHost(trx, officerId, theirs)) visits.set(v.id, v)
  }
  if (work.everythingOf) {
    for (const a of await listOpenAppealsHeldBy(trx, work.everythingOf.id, OPEN_STATES)) appeals.set(a.id, a)
    for (const v of await listLiveVisitsOfHost(trx, work.everythingOf.id)) visits.set(v.id, v)
  }
  for (const [id, a] of appeals) if (a.handler_id === successor.id) appeals.delete(id)
  for (const [id, v] of visits) if (v.host_id === successor.id) visits.delete(id)

  // A visit ahead lands on the successor's half-day: one they already spend elsewhere stops the handover.
  const ahead = await listLiveVisitsOfHost(trx, successor.id)
  const taken = new Set(ahead.map((v) => `${v.day}|${v.half}`))
  const clashes = [...visits.values()].filter((v) => taken.has(`${v.day}|${v.half}`))
  if (clashes.length)
    throw new AppError(
      'CONFLICT',
      `接任人在${clashes.map((v) => slotLabel(v.day, v.half as Half, inZone(now).format('YYYY-MM-DD'))).join('、')}已有走访安排，请先改约后再交接`,
    )

  for (const enterprise of moving) await updateEnterprise(trx, enterprise.id, { officer_id: successor.id })

  const nameOf = (id: string | null) => (id ? (previous.get(id)?.name ?? '原特派员') : '（无）')
  for (const appeal of appeals.values()) {
    const from = previous.get(appeal.handler_id ?? '') ?? null
    // The rules ask whether the actor manages the department of the one who held it.
    const mover: MoveActor = {
      id: actor.id,
      role: actor.role,
      relations: (a) => relationsOf(a, actor, { handlerDepartmentId: from?.department_id ?? null }),
    }
    await applyMove(
      trx,
      mover,
      appeal,
      {
        action: 'handover',
        version: appeal.version,
        note: `${work.reason}：由 ${nameOf(appeal.handler_id)} 交给 ${successor.name}`,
        data: { from: appeal.handler_id, to: successor.id, reason: work.reason },
        changes: { handler_id: successor.id },
      },
      now,
    )
  }

  for (const visit of visits.values()) {
    const changed = await updateVisitIfVersion(trx, visit.id, visit.version, {
      host_id: successor.id,
      held_slot: slotKey(successor.id, visit.day, visit.half as Half),
      updated_at: now,
    })
    if (!changed) throw new AppError('CONFLICT', '有一次走访刚刚被改动，请刷新后再交接')
    await notifyVisitEvent(
      trx,
      (await findVisitById(trx, visit.id))!,
      'handover',
      { id: actor.id, party: null },
      `${work.reason}：改由 ${successor.name}（${successor.phone}）负责`,
      now,
    )
  }

  // Owners learn who their officer is now; the successor learns once what arrived.
  const at = inZone(now).format('YYYY年M月D日 HH:mm')
  const told: Notification[] = []
  for (const enterprise of moving)
    for (const ownerId of await listOwnerIds(trx, enterprise.id))
      told.push({
        userId: ownerId,
        kind: 'enterprise.officer',
        title: '您的驻企特派员已更换',
        body: `${enterprise.name}的驻企特派员改为 ${successor.name}（${successor.phone}），有事请直接联系。`,
        link: '/pages/me/index',
        dedupeKey: `officer:${enterprise.id}:${successor.id}:${now}`,
        template: 'account_notice',
        fields: { title: '驻企特派员已更换', note: `新的特派员：${successor.name}`, at },
      })
  const milestones = await countOpenMilestones(
    trx,
    moving.map((e) => e.id),
  )
  const summary = `${moving.length} 家企业、${appeals.size} 件在办诉求、${visits.size} 次待进行的走访`
  if (successor.id !== actor.id && (moving.length || appeals.size || visits.size))
    told.push({
      userId: successor.id,
      kind: 'staff.handover',
      title: `${work.reason}：交给您${summary}`,
      body: `由 ${actor.name} 办理。${milestones ? `一企一策还有 ${milestones} 个节点未完成。` : ''}请在工作台和走访里查看。`,
      link: '/packageOfficer/pages/workbench/index',
      dedupeKey: `handover:${successor.id}:${now}:${moving
        .map((e) => e.id)
        .join(',')
        .slice(0, 200)}`,
      template: 'account_notice',
      fields: { title: work.reason, note: summary, at },
    })
  await notify(trx, told, now)

  await recordAudit(
    trx,
    actor,
    moving.map((e) => ({
      entity: 'enterprise',
      entityId: e.id,
      action: 'assign',
      summary: `${work.reason}：${e.name} 的驻企特派员由 ${nameOf(e.officer_id)} 改为 ${successor.name}`,
      before: { officerId: e.officer_id },
      after: { officerId: successor.id },
    })),
    now,
  )
  return { enterprises: moving.length, appeals: appeals.size, visits: visits.size, milestones }
}
