import { moveLabel, stateLabel } from '../domain/appeal/rules'
import { formatInZone } from '../domain/clock'
import type { Db } from '../store/database'
import type { AppealNotice } from '../store/repositories/appeals'
import { findLeaderIdOf, findLeaderIdsOf } from '../store/repositories/enterprises'
import { listAdminIds, listHeadIds, listHeadIdsOf, listOwnerIds, listOwnerIdsOf } from '../store/repositories/users'
import { notify, type Notification } from './notify'

/**
 * Who learns of a move: the enterprise's owners, the (new) handler, the department's head, the
 * enterprise's leader, the 督查 office (admins).
 */
type Audience = 'owners' | 'handler' | 'head' | 'leader' | 'office'

/** Which moves tell whom. A move not listed tells nobody (a follow-up call, a link). */
const WHO_LEARNS: Partial<Record<string, Audience[]>> = {
  create: ['handler'],
  filedFor: ['owners'],
  accept: ['owners'],
  acceptComplex: ['owners', 'head'],
  return: ['owners', 'office'],
  objectReturn: ['office'],
  upholdReturn: ['owners', 'handler'],
  overturnReturn: ['owners', 'handler', 'head'],
  requestInfo: ['owners'],
  confirmInfoRequest: ['handler'],
  supplyInfo: ['handler'],
  cancelInfoRequest: ['owners'],
  addInfo: ['handler'],
  withdraw: ['handler'],
  contestRating: ['office'],
  upholdContest: ['handler'],
  dismissContest: ['handler'],
  spotCheckReopen: ['handler', 'head'],
  countyAnswer: ['handler', 'head'],
  progress: ['owners'],
  resolve: ['owners'],
  resolveWithGroup: ['owners'],
  merge: ['owners'],
  rateUnsatisfied: ['handler'],
  assign: ['handler'],
  transfer: ['head'],
  redispatch: ['handler', 'head'],
  requestExtension: ['head'],
  approveExtension: ['handler', 'owners'],
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
  acceptComplex: '复杂诉求申请延长办结期限，待审批',
  return: '不予受理待督查审核',
  objectReturn: '企业对不予受理有异议，待审核',
  upholdReturn: '不予受理经审核维持',
  overturnReturn: '不予受理被退回，请受理办理',
  confirmInfoRequest: '企业已确认补充材料，计时暂停',
  supplyInfo: '企业已补充材料，计时恢复',
  addInfo: '企业补充了说明',
  withdraw: '企业已撤回诉求',
  contestRating: '差评申诉待复核',
  upholdContest: '差评申诉成立，差评不计',
  dismissContest: '差评申诉不成立，请按期整改',
  spotCheckReopen: '抽查回访发现评价不实，请整改',
  countyAnswer: '县级部门已答复',
  rateUnsatisfied: '企业差评，请按期整改',
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

/** What an owner reads where the state alone does not say it. */
const OWNER_TITLES: Partial<Record<string, string>> = {
  filedFor: '工作人员已为您登记诉求',
  requestInfo: '请补充材料（确认后暂停计时）',
  acceptComplex: '您的诉求已受理，申请延长办结期限',
  approveExtension: '办结期限已延长',
  overturnReturn: '不予受理经督查审核被退回，已受理',
  upholdReturn: '不予受理经督查审核维持',
}

/** Where the people of each audience are looked up: the store directly, or what a batch read at once. */
interface Directory {
  owners(enterpriseId: string): Promise<string[]>
  admins(): Promise<string[]>
  heads(departmentId: string): Promise<string[]>
  leader(enterpriseId: string): Promise<string | null>
}

const storeDirectory = (trx: Db): Directory => ({
  owners: (enterpriseId) => listOwnerIds(trx, enterpriseId),
  admins: () => listAdminIds(trx),
  heads: (departmentId) => listHeadIds(trx, departmentId),
  leader: (enterpriseId) => findLeaderIdOf(trx, enterpriseId),
})

async function recipients(directory: Directory, appeal: AppealNotice, audience: Audience): Promise<string[]> {
  switch (audience) {
    case 'owners':
      return directory.owners(appeal.enterprise_id)
    case 'handler':
      // No handler yet (transferred, re-dispatched without an officer): the department's head has it;
      // a complaint about staff with no department: the 督查 office.
      if (appeal.handler_id) return [appeal.handler_id]
      return appeal.conduct === 1 && !appeal.department_id ? recipients(directory, appeal, 'office') : recipients(directory, appeal, 'head')
    case 'office':
      return directory.admins()
    case 'head':
      if (!appeal.department_id) return []
      return directory.heads(appeal.department_id)
    case 'leader': {
      const leaderId = await directory.leader(appeal.enterprise_id)
      return leaderId ? [leaderId] : []
    }
  }
}

/**
 * Tells the people a change of an appeal concerns, in the transaction of the change: owners what
 * became of their appeal, staff what work arrived or runs late. Nobody is told of their own act.
 * `key` makes each event one notification, however often this runs (the sweep's steps).
 */
export function notifyAppealEvent(trx: Db, appeal: AppealNotice, event: AppealEvent, now: number): Promise<number> {
  return appealNotifications(storeDirectory(trx), appeal, event, now).then((notifications) => notify(trx, notifications, now))
}

/**
 * The same for many appeals at once (the sweep's steps): whom each concerns is read in a few
 * queries for all of them, and the messages and pushes are written in slices. The same rows as
 * notifyAppealEvent for each in turn.
 */
export async function notifyAppealEvents(trx: Db, events: { appeal: AppealNotice; event: AppealEvent }[], now: number): Promise<number> {
  const audiences = new Set(events.flatMap(({ event }) => WHO_LEARNS[event.action] ?? []))
  const enterpriseIds = [...new Set(events.map(({ appeal }) => appeal.enterprise_id))]
  const departmentIds = [...new Set(events.flatMap(({ appeal }) => (appeal.department_id ? [appeal.department_id] : [])))]
  const [owners, heads, leaders, admins] = await Promise.all([
    audiences.has('owners') ? listOwnerIdsOf(trx, enterpriseIds) : new Map<string, string[]>(),
    audiences.has('head') || audiences.has('handler') ? listHeadIdsOf(trx, departmentIds) : new Map<string, string[]>(),
    audiences.has('leader') ? findLeaderIdsOf(trx, enterpriseIds) : new Map<string, string>(),
    audiences.has('office') || audiences.has('handler') ? listAdminIds(trx) : [],
  ])
  const directory: Directory = {
    owners: async (enterpriseId) => owners.get(enterpriseId) ?? [],
    admins: async () => admins,
    heads: async (departmentId) => heads.get(departmentId) ?? [],
    leader: async (enterpriseId) => leaders.get(enterpriseId) ?? null,
  }
  const notifications: Notification[] = []
  for (const { appeal, event } of events) notifications.push(...(await appealNotifications(directory, appeal, event, now)))
  return notify(trx, notifications, now)
}

export interface AppealEvent {
  action: string
  note: string
  actorId: string | null
  key: string
}

/** The notifications one event of an appeal makes, with the people looked up in `directory`. */
async function appealNotifications(directory: Directory, appeal: AppealNotice, event: AppealEvent, now: number): Promise<Notification[]> {
  const audiences = WHO_LEARNS[event.action] ?? []
  const link = `/pages/appeal-detail/index?id=${encodeURIComponent(appeal.id)}`
  const due = appeal.due_at ?? appeal.close_due_at
  const notifications: Notification[] = []
  for (const audience of audiences) {
    for (const userId of await recipients(directory, appeal, audience)) {
      if (userId === event.actorId) continue
      const owner = audience === 'owners'
      const what = owner ? `${moveLabel(event.action)}：${stateLabel(appeal.state)}` : (TASKS[event.action] ?? moveLabel(event.action))
      notifications.push({
        userId,
        kind: `appeal.${event.action}`,
        title: owner ? (OWNER_TITLES[event.action] ?? `您的诉求${stateLabel(appeal.state)}`) : what,
        // The number first: what a person quotes when they call about it.
        body: [`${appeal.number} ${appeal.title}`, event.note].filter(Boolean).join('：'),
        link,
        dedupeKey: `appeal:${appeal.id}:${event.key}`,
        template: owner ? 'appeal_update' : 'appeal_task',
        fields: owner
          ? {
              title: appeal.title,
              state: stateLabel(appeal.state),
              note: event.note || moveLabel(event.action),
              at: formatInZone(now, 'YYYY年M月D日 HH:mm'),
            }
          : { title: appeal.title, task: what, due: formatInZone(due, 'YYYY年M月D日 HH:mm') },
      })
    }
  }
  return notifications
}
