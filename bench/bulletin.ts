import { sql } from 'kysely'
import { performance } from 'node:perf_hooks'
import { monthlyBulletin } from '../cloud/actions/bulletin/monthly-bulletin'
import { fixedClock, inZone } from '../cloud/domain/clock'
import { addMonths } from '../cloud/domain/ledger/indicators'
import { DAY, HOUR } from '../cloud/domain/time-units'
import { beijingDay, halfOf } from '../cloud/domain/visit/calendar'
import { openStore, type Store } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'
import { newVisitRow } from '../cloud/store/repositories/visits'
import { seedIfEmpty } from '../cloud/store/seed'
import { benchContext } from './context'
import { generateScale, insertInBatches, prng } from './generate'
import { measure, ms } from './stats'
import { onBothDatabases } from './databases'

const LEADERS = ['u-leader-01', 'u-leader-02', 'u-leader-03']
const HELP = ['new_loan', 'loan_renewal', 'subsidy', 'recruitment', 'permit_completed']
const STAGES = ['signed', 'land', 'started', 'completed', 'operating'] as const
const NOW = Date.parse('2026-11-25T16:00:00+08:00')
const MONTH = '2026-10'

/**
 * 一月一通报 with every department section, over a year of a large town: 10,000 enterprises with
 * monthly indicators (13 months, so each has last year's month), warnings, plan milestones,
 * visits by officers, heads and leaders, confirmed and unconfirmed help, 20,000 appeals, and 500
 * key projects with milestones, stage moves and monthly progress. The bulletin for October read
 * on 25 November, on SQLite and on PostgreSQL.
 */
export async function benchBulletin(enterprises = 10_000, projects = 500): Promise<void> {
  await onBothDatabases('bulletin', async (name, url) => bulletinOn(name, await openStore(url), enterprises, projects))
}

async function bulletinOn(name: string, store: Store, enterprises: number, projects: number): Promise<void> {
  try {
    await migrateToLatest(store)
    const clock = fixedClock(NOW)
    await seedIfEmpty(store, clock)
    const started = performance.now()
    const rows = await generateTown(store, enterprises, projects)
    if (store.dialect === 'postgres') await sql`analyze`.execute(store.db)
    console.log(`${name}: generated ${rows} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    const leader = await benchContext(store.db, clock, 'u-leader-01')
    const sample = await monthlyBulletin(leader, { month: MONTH })
    const lagging = sample.sections.filter((s) => s.lagging.length).length
    const owed = sample.sections.reduce((n, s) => n + s.visits.owed, 0)
    const behind = sample.sections.reduce((n, s) => n + s.projects.behind, 0)
    console.log(
      `${name}: ${sample.sections.length} departments, ${lagging} lagging; ${owed.toLocaleString('en')} visits owed; ${behind} projects behind`,
    )
    const t = await measure(40, () => monthlyBulletin(leader, { month: MONTH }))
    console.log(`${name.padEnd(10)} 一月一通报, all sections: p50 ${ms(t.p50)}, p95 ${ms(t.p95)}, p99 ${ms(t.p99)} (target p95 < 300 ms)`)
  } finally {
    await store.close()
  }
}

async function generateTown(store: Store, enterpriseCount: number, projectCount: number): Promise<string> {
  const db = store.db
  const random = prng(2020)
  const { officerIds } = await generateScale(db, { enterprises: enterpriseCount, officers: 200, appeals: 20_000, now: NOW })
  const generated = await db
    .selectFrom('enterprises')
    .select(['id', 'officer_id', 'department_id'])
    .where('id', 'like', 'ent-bench-%')
    .execute()
  for (const [i, leader] of LEADERS.entries())
    await db
      .updateTable('enterprises')
      .set({ leader_id: leader })
      .where(
        'id',
        'in',
        generated.filter((_, n) => n % LEADERS.length === i).map((e) => e.id),
      )
      .execute()
  const heads = new Map(
    (await db.selectFrom('users').select(['id', 'department_id']).where('role', '=', 'dept_head').execute()).map((h) => [
      h.department_id,
      h.id,
    ]),
  )

  // Indicators: 13 months, so October 2026 has October 2025 beside it; most firms report.
  const months = Array.from({ length: 13 }, (_, i) => addMonths(MONTH, -12 + i))
  const reports: Record<string, unknown>[] = []
  const warnings: Record<string, unknown>[] = []
  for (const [i, e] of generated.entries()) {
    const base = 200 + Math.floor(random() * 5000)
    for (const month of months) {
      if (random() > 0.9) continue
      reports.push({
        id: `ind-bench-${reports.length}`,
        enterprise_id: e.id,
        month,
        revenue: Math.round(base * (0.8 + random() * 0.4)),
        employees: 20 + (i % 200),
        tax: Math.round(base * 0.05),
        orders: random() < 0.9 ? 'enough' : 'short',
        power: null,
        situation: '',
        reported_by: e.officer_id,
        reported_at: NOW,
        updated_at: NOW,
      })
      if (random() < 0.02)
        warnings.push({
          id: `warn-bench-${warnings.length}`,
          enterprise_id: e.id,
          month,
          reason: 'revenue_drop',
          detail: '',
          officer_id: e.officer_id,
          state: 'open',
          opened_at: NOW,
          closed_at: null,
          closed_by: null,
          close_note: null,
        })
    }
  }
  await insertInBatches(db, 'indicator_reports', reports)
  await insertInBatches(db, 'warning_tasks', warnings)

  // Visits over the year: officers most weeks, heads most months, leaders most quarters.
  const visits: Record<string, unknown>[] = []
  const visit = (hostId: string, hostRole: string, enterpriseId: string, at: number) => {
    const proven = random() < 0.95 ? 1 : 0
    visits.push(
      newVisitRow({
        id: `vis-bench-${visits.length}`,
        enterprise_id: enterpriseId,
        host_id: hostId,
        host_role: hostRole,
        kind: 'visit',
        origin: 'proactive',
        topic: '例行走访',
        day: beijingDay(at),
        half: halfOf(at),
        state: 'done',
        checked_in_at: proven ? at : null,
        proven,
        visited_at: at,
        version: 1,
        created_at: at,
        record: '{}',
      }) as unknown as Record<string, unknown>,
    )
  }
  const when = (start: number, span: number) => Math.min(NOW - HOUR, start + Math.floor(random() * span))
  for (const [i, e] of generated.entries()) {
    for (let week = 0; week < 52; week++)
      if (random() < 0.5) visit(e.officer_id!, 'officer', e.id, when(NOW - (week + 1) * 7 * DAY, 7 * DAY))
    for (let month = 0; month < 12; month++)
      if (random() < 0.7) visit(heads.get(e.department_id)!, 'dept_head', e.id, when(NOW - (month + 1) * 30 * DAY, 30 * DAY))
    for (let quarter = 0; quarter < 4; quarter++)
      if (random() < 0.8) visit(LEADERS[i % LEADERS.length], 'leader', e.id, when(NOW - (quarter + 1) * 91 * DAY, 91 * DAY))
  }
  await insertInBatches(db, 'visits', visits)

  // Plan milestones (一企一策): three a year per firm, most done.
  const day = (ms: number) => inZone(ms).format('YYYY-MM-DD')
  const milestones = generated.flatMap((e, i) =>
    [0, 1, 2].map((k) => {
      const due = NOW - Math.floor(random() * 365) * DAY
      return {
        id: `pm-bench-${i}-${k}`,
        enterprise_id: e.id,
        title: '节点',
        due_on: day(due),
        done_at: random() < 0.8 ? due - DAY : null,
        note: '',
        created_by: 'u-admin',
        created_at: 0,
        updated_at: 0,
      }
    }),
  )
  await insertInBatches(db, 'plan_milestones', milestones)

  // Help: twenty thousand entries over the year, most confirmed.
  const help = Array.from({ length: 20_000 }, (_, i) => {
    const e = generated[Math.floor(random() * generated.length)]
    const kind = HELP[i % HELP.length]
    return {
      id: `help-bench-${i}`,
      event_id: `hev-bench-${i}`,
      enterprise_id: e.id,
      kind,
      amount: kind === 'permit_completed' ? null : kind === 'recruitment' ? 5 : 100_000,
      given_on: day(NOW - Math.floor(random() * 365) * DAY),
      note: '',
      evidence: '[]',
      appeal_id: null,
      state: random() < 0.8 ? 'confirmed' : random() < 0.5 ? 'pending' : 'disputed',
      recorded_by: e.officer_id,
      recorded_at: NOW,
      answered_by: null,
      answered_at: null,
      dispute_reason: null,
    }
  })
  await insertInBatches(db, 'help_entries', help)

  // Key projects: most with a firm, some only a secretary; eight milestones, stage moves, monthly progress.
  const projectRows = Array.from({ length: projectCount }, (_, i) => ({
    id: `prj-bench-${i}`,
    name: `重点项目${i}`,
    enterprise_id: i % 10 === 0 ? null : generated[(i * 17) % generated.length].id,
    investment: 1 + (i % 20),
    stage: STAGES[i % STAGES.length],
    leader_id: LEADERS[i % LEADERS.length],
    secretary_id: officerIds[i % officerIds.length],
    note: '',
    created_by: 'u-admin',
    created_at: NOW - 365 * DAY,
    updated_at: NOW,
    version: i % STAGES.length,
  }))
  await insertInBatches(db, 'projects', projectRows)
  const projectMilestones = projectRows.flatMap((p, i) =>
    Array.from({ length: 8 }, (_, k) => {
      const planned = NOW - 330 * DAY + k * 45 * DAY
      const done = planned < NOW && random() < 0.85
      return {
        id: `pjm-bench-${i}-${k}`,
        project_id: p.id,
        title: `节点${k}`,
        planned_on: day(planned),
        done_on: done ? day(planned - DAY) : null,
        done_by: done ? p.secretary_id : null,
        created_at: 0,
      }
    }),
  )
  await insertInBatches(db, 'project_milestones', projectMilestones)
  const changes = projectRows.flatMap((p, i) =>
    Array.from({ length: p.version + 1 }, (_, v) => ({
      id: `psc-bench-${i}-${v}`,
      project_id: p.id,
      from_stage: v === 0 ? null : STAGES[v - 1],
      to_stage: STAGES[v],
      version: v,
      reason: '',
      changed_by: p.leader_id,
      changed_at: NOW - (330 - v * 70) * DAY,
    })),
  )
  await insertInBatches(db, 'project_stage_changes', changes)
  const progress = projectRows.flatMap((p, i) =>
    months
      .slice(1)
      .filter(() => random() < 0.85)
      .map((month) => ({
        id: `ppr-bench-${i}-${month}`,
        project_id: p.id,
        month,
        note: '形象进度',
        uploads: '[]',
        recorded_by: p.secretary_id,
        recorded_at: NOW,
      })),
  )
  await insertInBatches(db, 'project_progress', progress)
  const n = (x: number) => x.toLocaleString('en')
  return (
    `${n(generated.length)} enterprises, ${n(reports.length)} indicator reports, ${n(warnings.length)} warnings, ${n(visits.length)} visits, ` +
    `${n(milestones.length)} plan milestones, ${n(help.length)} help entries, ${n(projectCount)} projects with ${n(projectMilestones.length)} milestones, ` +
    `${n(changes.length)} stage moves and ${n(progress.length)} progress notes, 20,000 appeals`
  )
}
