import { moveLabel, stateLabel } from '../domain/appeal/rules'
import { inZone } from '../domain/clock'
import type { Db } from '../store/database'
import type { AppealRow } from '../store/repositories/appeals'
import { findLeaderIdOf } from '../store/repositories/enterprises'
import { listHeadIds, listOwnerIds } from '../store/repositories/users'
import { notify, type Notification } from './notify'

/** Who learns of a move: the enterprise's owners, the (new) handler, the department's head, the enterprise's leader. */
type Audience = 'owners' | 'handler' | 'head' | 'leader'

/** Which moves tell whom. A move not listed tells nobody (a follow-up call, a link). */
const WHO_LEARNS: Partial<Record<string, Audience[]>> = {
  create: ['handler'],
  accept: ['owners'],
  return: ['owners'],
  progress: ['owners'],
  resolve: ['owners'],
  resolveWithGroup: ['owners'],
  merge: ['owners'],
  rateUnsatisfied: ['handler'],
  assign: ['handler'],
  transfer: ['head'],
  redispatch: ['handler', 'head'],
  requestExtension: ['head'],
  approveExtension: ['handler'],
  refuseExtension: ['handler'],
  dispute: ['leader'],
  supervise: ['handler', 'head'],
  remindDueSoon: ['handler'],
  remindOverdue: ['handler', 'head'],
  escalate: ['leader'],
  handover: ['handler'],
}

/** The staff's to-do line for each move that gives them work. */
const TASKS: Partial<Record<string, string>> = {
  create: '新诉求待受理',
  rateUnsatisfied: '企业不满意，请重新办理',
  assign: '交办给您的诉求',
  transfer: '转办来的诉求，请交办',
  redispatch: '改派来的诉求',
  requestExtension: '延期申请待审批',
  approveExtension: '延期申请已同意',
  refuseExtension: '延期申请未同意，请按期办结',
  dispute: '派单异议待处理',
  supervise: '领导督办，请抓紧办理',
  remindDueSoon: '即将到期，请抓紧办理',
  remindOverdue: '已超期，请尽快办结',
  escalate: '超期诉求已上报领导督办',
  handover: '交接给您的诉求',
}

async function recipients(trx: Db, appeal: AppealRow, audience: Audience): Promise<string[]> {
  switch (audience) {
    case 'owners':
      return listOwnerIds(trx, appeal.enterprise_id)
    case 'handler':
      // No handler yet (transferred, re-dispatched without an officer): the department's head has it.
      return appeal.handler_id ? [appeal.handler_id] : recipients(trx, appeal, 'head')
    case 'head':
      if (!appeal.department_id) return []
      return listHeadIds(trx, appeal.department_id)
    case 'leader': {
      const leaderId = await findLeaderIdOf(trx, appeal.enterprise_id)
      return leaderId ? [leaderId] : []
    }
  }
}

/**
 * Tells the people a change of an appeal concerns, in the transaction of the change: owners what
 * became of their appeal, staff what work arrived or runs late. Nobody is told of their own act.
 * `key` makes each event one notification, however often this runs (the sweep's steps).
 */
export async function notifyAppealEvent(
  trx: Db,
  appeal: AppealRow,
  event: { action: string; note: string; actorId: string | null; key: string },
  now: number,
): Promise<number> {
  const audiences = WHO_LEARNS[event.action] ?? []
  const link = `/pages/appeal-detail/index?id=${encodeURIComponent(appeal.id)}`
  const due = appeal.due_at ?? appeal.close_due_at
  const notifications: Notification[] = []
  for (const audience of audiences) {
    for (const userId of await recipients(trx, appeal, audience)) {
      if (userId === event.actorId) continue
      const owner = audience === 'owners'
      const what = owner ? `${moveLabel(event.action)}：${stateLabel(appeal.state)}` : (TASKS[event.action] ?? moveLabel(event.action))
      notifications.push({
        userId,
        kind: `appeal.${event.action}`,
        title: owner ? `您的诉求${stateLabel(appeal.state)}` : what,
        body: [appeal.title, event.note].filter(Boolean).join('：'),
        link,
        dedupeKey: `appeal:${appeal.id}:${event.key}`,
        template: owner ? 'appeal_update' : 'appeal_task',
        fields: owner
          ? {
              title: appeal.title,
              state: stateLabel(appeal.state),
              note: event.note || moveLabel(event.action),
              at: inZone(now).format('YYYY年M月D日 HH:mm'),
            }
          : { title: appeal.title, task: what, due: inZone(due).format('YYYY年M月D日 HH:mm') },
      })
    }
  }
  return notify(trx, notifications, now)
}
