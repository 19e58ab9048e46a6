import { inZone } from '../domain/clock'
import { formatHelp, type HelpKind } from '../domain/appeal/help'
import type { Db } from '../store/database'
import type { HelpEntryRow } from '../store/repositories/ledger'
import { listOwnerIds } from '../store/repositories/users'
import { notify, type Notification } from './notify'

const HELP_PAGE = '/packageVisit/pages/help/index'
const WARNING_PAGE = '/packageOfficer/pages/warnings/index'
// No staff page lists the ledger yet: the message itself carries the reason.
const DISPUTE_PAGE = '/pages/me/index'

/** Tells each enterprise's owners that help was recorded for them, to confirm or dispute. */
export async function notifyHelpRecorded(trx: Db, entries: HelpEntryRow[], now: number): Promise<number> {
  const at = inZone(now).format('YYYY年M月D日 HH:mm')
  const told: Notification[] = []
  for (const entry of entries) {
    const what = formatHelp(entry.kind as HelpKind, entry.amount)
    for (const userId of await listOwnerIds(trx, entry.enterprise_id))
      told.push({
        userId,
        kind: 'help.record',
        title: '有一条帮扶记录待您确认',
        body: `${entry.given_on} ${what}：${entry.note}。请确认是否收到。`,
        link: HELP_PAGE,
        dedupeKey: `help:${entry.id}:record`,
        template: 'account_notice',
        fields: { title: '帮扶记录待确认', note: what, at },
      })
  }
  return notify(trx, told, now)
}

/** Tells the recorder that the enterprise disputes an entry, with its reason. */
export async function notifyHelpDisputed(trx: Db, entry: HelpEntryRow, enterpriseName: string, reason: string, now: number) {
  const what = formatHelp(entry.kind as HelpKind, entry.amount)
  return notify(
    trx,
    [
      {
        userId: entry.recorded_by,
        kind: 'help.dispute',
        title: `${enterpriseName}对帮扶记录有异议`,
        body: `${entry.given_on} ${what}：${reason}`,
        link: DISPUTE_PAGE,
        dedupeKey: `help:${entry.id}:dispute`,
        template: 'account_notice',
        fields: { title: '帮扶记录有异议', note: reason, at: inZone(now).format('YYYY年M月D日 HH:mm') },
      },
    ],
    now,
  )
}

/** Tells the covering officer that a warning task opened: go and ask. */
export async function notifyWarningOpened(
  trx: Db,
  task: { id: string; officerId: string; enterpriseName: string; detail: string },
  now: number,
) {
  return notify(
    trx,
    [
      {
        userId: task.officerId,
        kind: 'warning.open',
        title: `经营预警：${task.enterpriseName}`,
        body: task.detail,
        link: WARNING_PAGE,
        dedupeKey: `warning:${task.id}:open`,
        template: 'appeal_task',
        fields: { title: task.enterpriseName, task: '经营预警，请走访', due: inZone(now).format('YYYY年M月D日 HH:mm') },
      },
    ],
    now,
  )
}

/** Tells the covering officer that an enterprise applied for a policy: follow it to the grant (政策兑现). */
export async function notifyClaimApplied(
  trx: Db,
  claim: { id: string; policy: { id: string; title: string }; enterprise: { name: string; officer_id: string | null } },
  now: number,
) {
  if (!claim.enterprise.officer_id) return 0
  return notify(
    trx,
    [
      {
        userId: claim.enterprise.officer_id,
        kind: 'claim.apply',
        title: `${claim.enterprise.name}已申报政策`,
        body: `「${claim.policy.title}」：请跟进兑现，兑现后记录金额，由企业确认收到。`,
        link: `/packageOfficer/pages/policy-claims/index?id=${encodeURIComponent(claim.policy.id)}`,
        dedupeKey: `claim:${claim.id}:apply`,
        template: 'appeal_task',
        fields: { title: claim.enterprise.name, task: '政策申报待兑现', due: inZone(now).format('YYYY年M月D日 HH:mm') },
      },
    ],
    now,
  )
}
