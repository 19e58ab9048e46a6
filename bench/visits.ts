import { DAY, HOUR } from '../cloud/domain/time-units'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { newVisitRow } from '../cloud/store/repositories/visits'
import { visitCompliance } from '../cloud/actions/visit/visit-compliance'
import { fixedClock } from '../cloud/domain/clock'
import { beijingDay, halfOf } from '../cloud/domain/visit/calendar'
import { openStore } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'
import { seedIfEmpty } from '../cloud/store/seed'
import { benchContext } from './context'
import { generateScale, insertInBatches, prng } from './generate'
import { measure, ms } from './stats'

const LEADERS = ['u-leader-01', 'u-leader-02', 'u-leader-03']

/**
 * 走访达标 for 100 officers × 1,000 enterprises over a year of visits, in-process (SQLite): each
 * officer visits most weeks, each department head most months, each leader most quarters, and a
 * few visits were never proven. The leader's view covers everyone; a head's, one department.
 */
export async function benchVisits(officers = 100, enterprises = 1_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bangban-bench-visits-'))
  const store = await openStore(join(dir, 'bench.sqlite'))
  try {
    await migrateToLatest(store)
    const now = Date.parse('2026-11-25T16:00:00+08:00')
    const clock = fixedClock(now)
    await seedIfEmpty(store, clock)
    const random = prng(5005)
    const started = performance.now()
    const { officerIds } = await generateScale(store.db, { enterprises, officers, appeals: 0, now })
    const generated = await store.db
      .selectFrom('enterprises')
      .select(['id', 'officer_id', 'department_id'])
      .where('id', 'like', 'ent-bench-%')
      .execute()
    for (const [i, leader] of LEADERS.entries()) {
      await store.db
        .updateTable('enterprises')
        .set({ leader_id: leader })
        .where(
          'id',
          'in',
          generated.filter((_, n) => n % LEADERS.length === i).map((e) => e.id),
        )
        .execute()
    }
    const heads = new Map(
      (await store.db.selectFrom('users').select(['id', 'department_id']).where('role', '=', 'dept_head').execute()).map((h) => [
        h.department_id,
        h.id,
      ]),
    )

    const visits: Record<string, unknown>[] = []
    const visit = (hostId: string, hostRole: string, enterpriseId: string, at: number) => {
      const n = visits.length
      const proven = random() < 0.95 ? 1 : 0
      visits.push(
        newVisitRow({
          id: `vis-bench-${n}`,
          enterprise_id: enterpriseId,
          host_id: hostId,
          host_role: hostRole,
          kind: hostRole === 'leader' ? 'meeting' : 'visit',
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
          record: '{"participants":"","situation":{"production":"正常","employment":"","funding":"","project":""},"asks":"","appeals":[]}',
        }),
      )
    }
    for (const [i, e] of generated.entries()) {
      const when = (periodStart: number, span: number) => Math.min(now - HOUR, periodStart + Math.floor(random() * span))
      for (let week = 0; week < 52; week++)
        if (random() < 0.8) visit(e.officer_id!, 'officer', e.id, when(now - (week + 1) * 7 * DAY, 7 * DAY))
      for (let month = 0; month < 12; month++)
        if (random() < 0.85) visit(heads.get(e.department_id)!, 'dept_head', e.id, when(now - (month + 1) * 30 * DAY, 30 * DAY))
      for (let quarter = 0; quarter < 4; quarter++)
        if (random() < 0.9) visit(LEADERS[i % LEADERS.length], 'leader', e.id, when(now - (quarter + 1) * 91 * DAY, 91 * DAY))
    }
    await insertInBatches(store.db, 'visits', visits)
    console.log(
      `generated ${enterprises.toLocaleString('en')} enterprises, ${officers} officers and ${visits.length.toLocaleString('en')} visits over a year in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )

    const leader = await benchContext(store.db, clock, 'u-leader-01')
    const head = await benchContext(store.db, clock, 'u-head-econ')
    const officerContexts = await Promise.all(officerIds.slice(0, 20).map((id) => benchContext(store.db, clock, id)))
    const sample = await visitCompliance(leader, {})
    console.log(
      `leader's view: ${sample.people.length} people, ${sample.people.reduce((n, p) => n + p.behind.length, 0).toLocaleString('en')} visits owed, ${sample.unvisited.length} enterprises unvisited this month`,
    )

    const figures = [
      ['走访达标 (leader, everyone)', await measure(100, () => visitCompliance(leader, {}))],
      ['走访达标 (dept head)', await measure(100, () => visitCompliance(head, {}))],
      ['走访达标 (officer)', await measure(200, (i) => visitCompliance(officerContexts[i % officerContexts.length], {}))],
      ['走访达标 (leader, a past day)', await measure(50, (i) => visitCompliance(leader, { at: `2026-0${1 + (i % 9)}-15` }))],
    ] as const
    console.log('read                             p50        p95        p99')
    for (const [name, t] of figures)
      console.log(`${name.padEnd(28)} ${ms(t.p50).padStart(9)}  ${ms(t.p95).padStart(9)}  ${ms(t.p99).padStart(9)}`)
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
