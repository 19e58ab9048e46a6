import { inZone, type Clock } from '../domain/clock'
import { readRemindWorkingDays, REMIND_WORKING_DAYS_SETTING, reminderMonth } from '../domain/ledger/report-reminder'
import { notify } from '../notify/notify'
import { inTransaction, type Db } from '../store/database'
import { listOwnersToRemind } from '../store/repositories/ledger'
import { findTownSetting } from '../store/repositories/town-settings'

/** The reminder's dedupe key, per enterprise and month: each owner hears once, however often the sweep runs. */
export const reminderKey = (month: string, enterpriseId: string) => `indicator-remind:${month}:${enterpriseId}`

/**
 * The month-end reminder, part of the timer: from the configured working day before the month's
 * end, the owners of firms that have not reported the month's figures are told once (the message's
 * dedupe key), so a sweep every minute sends each of them one reminder. Answers how many were told.
 */
export async function remindUnreported(deps: { db: Db; clock: Clock }): Promise<number> {
  const now = deps.clock.now()
  const month = reminderMonth(now, readRemindWorkingDays(await findTownSetting(deps.db, REMIND_WORKING_DAYS_SETTING)))
  if (!month) return 0
  const owners = await listOwnersToRemind(deps.db, month, reminderKey(month, ''))
  if (owners.length === 0) return 0
  const [year, m] = month.split('-')
  return inTransaction(deps.db, (trx) =>
    notify(
      trx,
      owners.map((o) => ({
        userId: o.user_id,
        kind: 'indicator.remind',
        title: `请填报${year}年${Number(m)}月经营数据`,
        body: `${o.enterprise_name}尚未填报本月营业收入、用工、纳税等数据，请在月底前填报。`,
        link: '/packageVisit/pages/indicators/index',
        dedupeKey: reminderKey(month, o.enterprise_id),
        template: 'account_notice',
        fields: { title: '企业运行监测', note: `${year}年${Number(m)}月经营数据待填报`, at: inZone(now).format('YYYY年M月D日 HH:mm') },
      })),
      now,
    ),
  )
}
