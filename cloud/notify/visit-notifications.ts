import { beijingDay, slotLabel, type Half } from '../domain/visit/calendar'
import type { Db } from '../store/database'
import { listOwnerIds } from '../store/repositories/users'
import type { VisitRow } from '../store/repositories/visits'
import { notify, type Notification } from './notify'

/** What each visit event says, to whom: the other party of the act, or both for a reminder. */
const EVENTS = {
  book: { to: 'host', title: '新的走访预约待确认', state: '待确认' },
  confirm: { to: 'other', title: '走访时间已确认', state: '已确认' },
  reschedule: { to: 'other', title: '走访改约了新时间，请确认', state: '请确认' },
  decline: { to: 'owner', title: '走访预约未能安排', state: '已婉拒' },
  cancel: { to: 'host', title: '企业取消了走访预约', state: '已取消' },
  remind: { to: 'both', title: '明天有一次走访', state: '明日走访' },
  record: { to: 'owner', title: '走访已记录，请确认', state: '待确认' },
  handover: { to: 'both', title: '走访改由新的驻企特派员负责', state: '已交接' },
} as const
export type VisitEvent = keyof typeof EVENTS

/**
 * Tells the people a visit's change concerns, in the change's transaction, through the same message
 * centre and outbox as appeals. `key` makes each event one message per person however often it runs.
 */
export async function notifyVisitEvent(
  trx: Db,
  visit: VisitRow,
  event: VisitEvent,
  actor: { id: string | null; party: 'owner' | 'host' | null },
  note: string,
  now: number,
): Promise<number> {
  const spec = EVENTS[event]
  const owners = () => listOwnerIds(trx, visit.enterprise_id)
  const audience =
    spec.to === 'both'
      ? [visit.host_id, ...(await owners())]
      : spec.to === 'host'
        ? [visit.host_id]
        : spec.to === 'owner'
          ? await owners()
          : actor.party === 'owner'
            ? [visit.host_id]
            : await owners()
  const when = slotLabel(visit.day, visit.half as Half, beijingDay(now))
  const notifications: Notification[] = audience
    .filter((userId) => userId !== actor.id)
    .map((userId) => ({
      userId,
      kind: `visit.${event}`,
      title: spec.title,
      body: [`${when}：${visit.topic}`, note].filter(Boolean).join('。'),
      link: `/packageVisit/pages/visit/index?id=${encodeURIComponent(visit.id)}`,
      dedupeKey: `visit:${visit.id}:${event}:${visit.version}`,
      template: 'visit_update',
      fields: { topic: visit.topic, state: spec.state, time: when, note: note || spec.title },
    }))
  return notify(trx, notifications, now)
}
