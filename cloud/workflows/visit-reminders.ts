import { DAY, inZone, type Clock } from '../domain/clock'
import { beijingDay } from '../domain/visit/calendar'
import { complianceWindow, computeCompliance, periodsAt } from '../domain/visit/compliance'
import { FREQUENCY_LABELS, REMIND_BEFORE_END, type VisitFrequency } from '../domain/visit/periods'
import { notify, type Notification } from '../notify/notify'
import { notifyVisitEvent } from '../notify/visit-notifications'
import { inTransaction, type Db } from '../store/database'
import { findVisitById, findVisitsToRemind, listCoverage, markReminded, provenVisitsByPeriod } from '../store/repositories/visits'
import { coverageFor } from './visit-coverage'
import { visitFrequencyOf } from './visit-frequency'

export interface VisitSweepResult {
  /** Visits tomorrow whose reminder went out now. */
  reminded: number
  /** People told they are behind on this period's visits. */
  behind: number
}

/**
 * The visits' part of the timer: the day before a confirmed visit both sides are reminded, and in
 * the last days of each period those who still owe visits are told which. Each reminder is written
 * once (the visit's reminded_at; a dedupe key per person and period), so any number of runs agree.
 */
export async function sweepVisits(deps: { db: Db; clock: Clock; visitFrequency?: VisitFrequency }): Promise<VisitSweepResult> {
  const now = deps.clock.now()
  const frequency = await visitFrequencyOf(deps)
  let reminded = 0
  for (const visit of await findVisitsToRemind(deps.db, beijingDay(now + DAY))) {
    await inTransaction(deps.db, async (trx) => {
      if (!(await markReminded(trx, visit.id, visit.version, now))) return
      await notifyVisitEvent(trx, (await findVisitById(trx, visit.id))!, 'remind', { id: null, party: null }, '', now)
      reminded++
    })
  }

  const periods = periodsAt(now)
  const ending = (to: number, days: number) => inZone(to).subtract(days, 'day').valueOf() <= now
  // Most runs fall outside every period's last days: nothing to chase, so nothing to count.
  const chasing = new Set(Object.values(frequency).filter((f) => ending(periods[f].to, REMIND_BEFORE_END[f])))
  if (chasing.size === 0) return { reminded, behind: 0 }
  const rows = await listCoverage(deps.db)
  const result = computeCompliance(
    coverageFor(rows, { id: '', role: 'admin' }),
    await provenVisitsByPeriod(deps.db, periods, complianceWindow(periods)),
    frequency,
    now,
  )
  const names = new Map(rows.map((r) => [r.id, r.name]))
  const notifications: Notification[] = result.people
    .filter((p) => p.behind.length > 0 && chasing.has(p.period.frequency))
    .map((p) => {
      const label = FREQUENCY_LABELS[p.period.frequency]
      const list = p.behind.map((id) => names.get(id)).join('、')
      return {
        userId: p.personId,
        kind: 'visit.behind',
        title: `${label}还有 ${p.behind.length} 家企业未走访`,
        body: `${p.period.label}应走访 ${p.covered} 家，已走访 ${p.visited} 家。尚未走访：${list}`,
        link: '/packageVisit/pages/compliance/index',
        dedupeKey: `visit-behind:${p.period.key}`,
        template: 'visit_update',
        fields: { topic: '走访达标提醒', state: '未达标', time: p.period.label, note: `${label}还有 ${p.behind.length} 家未走访` },
      }
    })
  const behind = await inTransaction(deps.db, (trx) => notify(trx, notifications, now))
  return { reminded, behind }
}
