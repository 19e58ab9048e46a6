import { sql, type Kysely } from 'kysely'
import { performance } from 'node:perf_hooks'
import { listInbox } from '../cloud/actions/appeal/list-inbox'
import { listMyAppeals } from '../cloud/actions/appeal/list-my-appeals'
import { leaderDashboard } from '../cloud/actions/bulletin/leader-dashboard'
import { monthlyBulletin } from '../cloud/actions/bulletin/monthly-bulletin'
import { fixedClock, inZone } from '../cloud/domain/clock'
import { monthRange } from '../cloud/domain/metrics'
import { DAY, HOUR } from '../cloud/domain/time-units'
import { openStore } from '../cloud/store/connect'
import type { Database } from '../cloud/store/database'
import { migrateToLatest, rebuildKeptCounts } from '../cloud/store/migrate'
import { foldInboxCounts } from '../cloud/store/repositories/appeal-inbox-counts'
import { seedIfEmpty } from '../cloud/store/seed'
import { findPostgres, startCluster } from '../scripts/pg-cluster.mjs'
import { benchContext } from './context'
import { benchOfficers, generateScale } from './generate'
import { printInboxScopes } from './inbox-scopes'
import { measure, ms } from './stats'

const ENTERPRISES = 10_000
const CATEGORIES = ['融资', '用工', '政策兑现', '用地规划', '审批手续', '水电气路', '物流通行', '安全环保', '市场拓展', '其他']
const STATES = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'closed', 'closed', 'closed', 'returned', 'reopened']

/**
 * The reads of the SQLite large-store section on PostgreSQL: the officer inbox, the owner's list,
 * the monthly bulletin and the dashboard, each beside its bare SQL on the same pool. The appeals
 * are written by the database itself (insert … select over generate_series, in chunks), with the
 * same spread as bench/generate.ts (states, categories, outcomes), not row by row from here.
 */
export async function benchAppealsOnPostgres(appeals: number): Promise<void> {
  const bin = findPostgres()
  if (!bin) return console.log('PostgreSQL: skipped, no PostgreSQL under /usr/lib/postgresql')
  const cluster = await startCluster(bin)
  const store = await openStore(cluster.url)
  try {
    await migrateToLatest(store)
    const now = Date.parse('2026-11-01T09:00:00+08:00')
    const clock = fixedClock(now)
    await seedIfEmpty(store, clock)
    const started = performance.now()
    const { officerIds, ownerIds } = await generateScale(store.db, { enterprises: ENTERPRISES, officers: benchOfficers(), appeals: 0, now })
    await generateAppealsInSql(store.db, appeals, now)
    const rebuilding = performance.now()
    await rebuildKeptCounts(store.db)
    // The inboxes' kept counts folded as the next sweep would.
    await foldInboxCounts(store.db, now)
    const rebuilt = performance.now() - rebuilding
    // As autovacuum leaves a table after a bulk load: statistics, and the visibility map that lets
    // the inbox's counts be read from its index alone.
    await sql`vacuum analyze`.execute(store.db)
    console.log(
      `generated ${appeals.toLocaleString('en')} appeals in the database (insert … select generate_series) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
    const rows = (table: 'appeal_daily_counts' | 'appeal_due_hours' | 'appeal_inbox_counts') =>
      store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n).toLocaleString('en'))
    console.log(
      `kept counts made from them in ${(rebuilt / 1000).toFixed(1)} s: ${await rows('appeal_daily_counts')} daily rows, ${await rows('appeal_due_hours')} deadline hours, ${await rows('appeal_inbox_counts')} inbox rows`,
    )

    const context = (userId: string) => benchContext(store.db, clock, userId)
    const officers = await Promise.all(officerIds.slice(0, 50).map(context))
    const owners = await Promise.all(ownerIds.slice(0, 200).map(context))
    const inbox = await measure(400, (i) => listInbox(officers[i % officers.length], { filter: 'open', search: '', limit: 20, offset: 0 }))
    const mine = await measure(400, (i) => listMyAppeals(owners[i % owners.length], { filter: 'all', search: '', limit: 20, offset: 0 }))
    const bareI = await measure(400, (i) =>
      sql`select a.id, a.title, a.state, a.due_at, e.name from appeals a join enterprises e on e.id = a.enterprise_id
          where a.handler_id = ${officerIds[i % officers.length]} and a.due_at is not null
          and a.state in ('submitted','accepted','in_progress','extension_pending','reopened','disputed')
          order by a.due_at limit 20`.execute(store.db),
    )
    const bareM = await measure(400, (i) =>
      sql`select a.id, a.title, a.state, a.due_at, e.name from appeals a join enterprises e on e.id = a.enterprise_id
          where a.enterprise_id = ${`ent-bench-${i % 200}`} order by a.submitted_at desc limit 20`.execute(store.db),
    )
    console.log('read (PostgreSQL)            p50        p95        p99    bare p95   ratio (p95)')
    const row = (name: string, r: typeof inbox, bare: typeof inbox) =>
      console.log(
        `${name.padEnd(24)} ${ms(r.p50).padStart(9)} ${ms(r.p95).padStart(10)} ${ms(r.p99).padStart(10)} ${ms(bare.p95).padStart(10)}   ${(r.p95 / bare.p95).toFixed(1)}×`,
      )
    row('officer inbox (open)', inbox, bareI)
    row('owner list (all)', mine, bareM)
    await printInboxScopes(store.db, now, officerIds[0])

    const leader = await context('u-leader-01')
    const month = inZone(now - 40 * DAY).format('YYYY-MM')
    const range = monthRange(month)
    const bulletin = await measure(40, () => monthlyBulletin(leader, { month }))
    const bareB = await measure(40, () =>
      sql`select department_id, count(*), sum(case when responded_at <= accept_due_at then 1 else 0 end), sum(case when resolved_at is not null then 1 else 0 end),
          sum(case when resolved_at is not null and resolved_late = 0 then 1 else 0 end), sum(case when rating in ('satisfied','basically_satisfied') then 1 else 0 end),
          sum(case when rating is not null then 1 else 0 end) from appeals where submitted_at >= ${range.from} and submitted_at < ${range.to} group by department_id`.execute(
        store.db,
      ),
    )
    const dashboard = await measure(40, () => leaderDashboard(leader, { month }))
    const bareD = await measure(40, () =>
      sql`select department_id, category, (submitted_at - ${range.from}::bigint) / 604800000 as week, count(*), sum(case when responded_at <= accept_due_at then 1 else 0 end),
          sum(case when resolved_at is not null then 1 else 0 end), sum(case when resolved_at is not null and resolved_late = 0 then 1 else 0 end),
          sum(case when rating in ('satisfied','basically_satisfied') then 1 else 0 end), sum(case when rating is not null then 1 else 0 end)
          from appeals where submitted_at >= ${range.from} and submitted_at < ${range.to} group by department_id, category, week`.execute(
        store.db,
      ),
    )
    const received = (await monthlyBulletin(leader, { month })).total.received
    row(`bulletin ${month} (${received.toLocaleString('en')})`, bulletin, bareB)
    row(`dashboard ${month}`, dashboard, bareD)
  } finally {
    await store.close()
    cluster.stop()
  }
}

/** Appeals ap-bench-N and their first events (a second for each accepted one), written by the database in chunks. */
async function generateAppealsInSql(db: Kysely<Database>, appeals: number, now: number): Promise<void> {
  const departments = (await db.selectFrom('departments').select('id').orderBy('id').execute()).map((d) => d.id)
  // Numbers written into the statement: a bound value inside CASE would be typed text.
  const lit = (value: number) => sql.lit(value)
  const text = (list: string[]) => sql`array[${sql.join(list)}]::text[]`
  const chunk = 100_000
  for (let start = 0; start < appeals; start += chunk) {
    const end = Math.min(appeals, start + chunk) - 1
    // A chunk may take longer than the pool's statement timeout on a busy machine.
    await db.transaction().execute((trx) => writeChunk(trx, start, end))
  }

  async function writeChunk(db: Kysely<Database>, start: number, end: number) {
    await sql`set local statement_timeout = 0`.execute(db)
    // Each chunk its own seed, on its own connection: two runs write the same rows.
    await sql`select setseed(${lit(start / appeals / 2)})`.execute(db)
    // e: the enterprise; s: when it was filed; n: the minute's place in 100, which decides outcomes as generate.ts does.
    await sql`
      insert into appeals (id, enterprise_id, created_by, client_request_id, source, category, title, description, urgency,
        complexity, contact_name, contact_phone, state, handler_id, department_id, submitted_at, accept_due_at, close_due_at,
        due_at, supervision_level, supervised_due_at, accepted_at, closed_at, moderation, help_kind, help_amount,
        responded_at, resolved_at, rating, rated_at, reopen_count, dispute_count, resolved_late, version, updated_at)
      select 'ap-bench-' || g, 'ent-bench-' || e, 'u-bench-owner-' || e, 'bench-' || g, 'owner', cat, '诉求' || g,
        '批量生成的测试诉求内容', case when u < 0.1 then 'urgent' else 'normal' end, 'ordinary', '张三', '13900000000', st,
        'u-bench-officer-' || (e % ${lit(benchOfficers())}), (${text(departments)})[1 + e % ${lit(departments.length)}], s, s + ${lit(DAY)}, s + ${lit(3 * DAY)},
        case when st = 'submitted' then s + ${lit(DAY)} when open then s + ${lit(3 * DAY)} end,
        case when open then 3 else 0 end,
        case when st = 'submitted' then s + ${lit(DAY)} when open then s + ${lit(3 * DAY)} end,
        case when st = 'submitted' then null else s + ${lit(HOUR)} end, null, 'pass', null, null,
        case when st = 'submitted' then null when n < 4 then s + ${lit(30 * HOUR)} else s + ${lit(2 * HOUR)} end,
        resolved,
        case when st <> 'closed' then null when n < 70 then 'satisfied' when n < 95 then 'basically_satisfied' else 'unsatisfied' end,
        case when st = 'closed' then coalesce(resolved, s) + ${lit(DAY)} end,
        case when st = 'reopened' then 1 else 0 end, 0, case when n >= 4 and n < 12 then 1 else 0 end, 1, s
      from (
        select g, e, s, st, cat, u, n, st in ('submitted', 'accepted', 'in_progress', 'reopened') as open,
          case when st = 'resolved' then greatest(s, ${lit(now - 2 * DAY)}::bigint)
               when st = 'closed' then s + ${lit(3 * DAY)} + case when n >= 4 and n < 12 then ${lit(6 * HOUR)} else ${lit(-6 * HOUR)} end end as resolved
        from (
          select g, e, s, st, cat, u, (s / 60000) % 100 as n
          from (
            select g, floor(random() * ${lit(ENTERPRISES)})::int as e, ${lit(now)}::bigint - floor(random() * ${lit(365 * DAY)})::bigint as s,
              (${text(STATES)})[1 + floor(random() * ${lit(STATES.length)})::int] as st,
              (${text(CATEGORIES)})[1 + floor(random() * ${lit(CATEGORIES.length)})::int] as cat, random() as u
            from generate_series(${start}::int, ${end}::int) as g
          ) raw
        ) facts
      ) made`.execute(db)
    await sql`
      insert into appeal_events (id, appeal_id, seq, actor_id, actor_role, action, from_state, to_state, note, data, at)
      select 'ev-' || a.id || '-1', a.id, 1, a.created_by, 'owner', 'create', null, 'submitted', '', '{}', a.submitted_at
      from appeals a where a.id in (select 'ap-bench-' || g from generate_series(${start}::int, ${end}::int) as g)
      union all
      select 'ev-' || a.id || '-2', a.id, 2, a.handler_id, 'officer', 'accept', 'submitted', 'accepted', '', '{}', a.submitted_at + ${lit(HOUR)}
      from appeals a where a.state <> 'submitted' and a.id in (select 'ap-bench-' || g from generate_series(${start}::int, ${end}::int) as g)`.execute(
      db,
    )
  }
}
