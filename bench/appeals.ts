import { DAY } from '../cloud/domain/time-units'
import SQLite from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { listInbox } from '../cloud/actions/appeal/list-inbox'
import { listMyAppeals } from '../cloud/actions/appeal/list-my-appeals'
import { sweepAppeals } from '../cloud/workflows/supervision-sweep'
import { leaderDashboard } from '../cloud/actions/bulletin/leader-dashboard'
import { monthlyBulletin } from '../cloud/actions/bulletin/monthly-bulletin'
import { DEFAULT_DEADLINES } from '../cloud/domain/appeal/deadlines'
import { fixedClock, inZone } from '../cloud/domain/clock'
import { monthRange } from '../cloud/domain/metrics'
import { openStore } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'
import { seedIfEmpty } from '../cloud/store/seed'
import { benchContext } from './context'
import { benchOfficers, generateScale } from './generate'
import { printInboxScopes } from './inbox-scopes'
import { measure, ms } from './stats'

/**
 * The officer inbox and the owner's list over a large store, in-process, against the bare SQL of
 * the same read (better-sqlite3, no query builder, no mapping) for the ratio.
 */
export async function benchAppeals(appeals: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bangban-bench-'))
  const file = join(dir, 'bench.sqlite')
  const store = await openStore(file)
  try {
    await migrateToLatest(store)
    const now = Date.parse('2026-11-01T09:00:00+08:00')
    const clock = fixedClock(now)
    await seedIfEmpty(store, clock)
    const started = performance.now()
    const { officerIds, ownerIds } = await generateScale(store.db, { enterprises: 10_000, officers: benchOfficers(), appeals, now })
    console.log(
      `generated ${appeals.toLocaleString('en')} appeals for 10,000 enterprises and ${benchOfficers()} officers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )

    const log = { info: () => {}, error: () => {} }
    const context = (userId: string) => benchContext(store.db, clock, userId)
    const officers = await Promise.all(officerIds.slice(0, 50).map(context))
    const owners = await Promise.all(ownerIds.slice(0, 200).map(context))

    const inbox = await measure(400, (i) => listInbox(officers[i % officers.length], { filter: 'open', search: '', limit: 20, offset: 0 }))
    const mine = await measure(400, (i) => listMyAppeals(owners[i % owners.length], { filter: 'all', search: '', limit: 20, offset: 0 }))

    const raw = new SQLite(file, { readonly: true })
    const bareInbox = raw.prepare(
      `select a.id, a.title, a.state, a.due_at, e.name from appeals a join enterprises e on e.id = a.enterprise_id
       where a.handler_id = ? and a.due_at is not null and a.state in ('submitted','accepted','in_progress','extension_pending','reopened','disputed')
       order by a.due_at limit 20`,
    )
    const bareMine = raw.prepare(
      `select a.id, a.title, a.state, a.due_at, e.name from appeals a join enterprises e on e.id = a.enterprise_id
       where a.enterprise_id = ? order by a.submitted_at desc limit 20`,
    )
    const enterpriseIds = owners.map((o) => (o.caller.kind === 'user' ? o.caller.user.enterprise_id : null))
    const bareI = await measure(400, (i) => bareInbox.all(officerIds[i % officers.length]))
    const bareM = await measure(400, (i) => bareMine.all(enterpriseIds[i % enterpriseIds.length]))
    raw.close()

    console.log('read                         p50        p95        p99    bare p95   ratio (p95)')
    const row = (name: string, r: typeof inbox, bare: typeof inbox) =>
      console.log(
        `${name.padEnd(24)} ${ms(r.p50).padStart(9)} ${ms(r.p95).padStart(10)} ${ms(r.p99).padStart(10)} ${ms(bare.p95).padStart(10)}   ${(r.p95 / bare.p95).toFixed(1)}×`,
      )
    row('officer inbox (open)', inbox, bareI)
    row('owner list (all)', mine, bareM)
    console.log('(the use cases also count each filter and map rows to what the app shows; the bare reads do neither)')
    await printInboxScopes(store.db, now, officerIds[0])

    // 一月一通报 over a month of the million (about 83,000 appeals), against the bare aggregate.
    const leader = await context('u-leader-01')
    const month = beijingMonth(now - 40 * DAY)
    const bulletin = await measure(40, () => monthlyBulletin(leader, { month }))
    const range = monthRange(month)
    const rawMonth = new SQLite(file, { readonly: true })
    const bareMonth = rawMonth.prepare(
      `select department_id, count(*), sum(case when responded_at <= accept_due_at then 1 else 0 end), sum(case when resolved_at is not null then 1 else 0 end),
       sum(case when resolved_at is not null and resolved_late = 0 then 1 else 0 end), sum(case when rating in ('satisfied','basically_satisfied') then 1 else 0 end),
       sum(case when rating is not null then 1 else 0 end) from appeals where submitted_at >= ? and submitted_at < ? group by department_id`,
    )
    const bareB = await measure(40, () => bareMonth.all(range.from, range.to))
    // The dashboard: the same month split by department × category × week in one aggregate, plus
    // the town's overdue list and the visits; its bare read is that one aggregate.
    const dashboard = await measure(40, () => leaderDashboard(leader, { month }))
    const bareSplit = rawMonth.prepare(
      `select department_id, category, cast((submitted_at - ?) / 604800000 as integer) as week, count(*), sum(case when responded_at <= accept_due_at then 1 else 0 end),
       sum(case when resolved_at is not null then 1 else 0 end), sum(case when resolved_at is not null and resolved_late = 0 then 1 else 0 end),
       sum(case when rating in ('satisfied','basically_satisfied') then 1 else 0 end), sum(case when rating is not null then 1 else 0 end)
       from appeals where submitted_at >= ? and submitted_at < ? group by department_id, category, week`,
    )
    const bareD = await measure(40, () => bareSplit.all(range.from, range.from, range.to))
    rawMonth.close()
    const received = (await monthlyBulletin(leader, { month })).total.received
    row(`bulletin ${month} (${received.toLocaleString('en')})`, bulletin, bareB)
    row(`dashboard ${month}`, dashboard, bareD)

    // The supervision sweep over every open appeal: once when all are already supervised, once with
    // 10,000 of them due a step (each step written with its timeline event).
    const open = await store.db
      .selectFrom('appeals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('due_at', 'is not', null)
      .executeTakeFirstOrThrow()
    const timeSweep = async () => {
      const start = performance.now()
      const result = await sweepAppeals({ db: store.db, clock, deadlines: DEFAULT_DEADLINES, log })
      return { ...result, ms: performance.now() - start }
    }
    const steady = await timeSweep()
    const due = await store.db.selectFrom('appeals').select('id').where('due_at', 'is not', null).limit(10_000).execute()
    await store.db
      .updateTable('appeals')
      .set({ supervision_level: 0 })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .execute()
    const busy = await timeSweep()
    console.log(
      `sweep over ${Number(open.n).toLocaleString('en')} open appeals: ${steady.ms.toFixed(0)} ms with nothing to do (${steady.closed} unrated closed); ${busy.ms.toFixed(0)} ms with ${busy.stepped.toLocaleString('en')} steps written, each with its event and notifications`,
    )
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const beijingMonth = (ms: number) => inZone(ms).format('YYYY-MM')
