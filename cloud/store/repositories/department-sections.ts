import { sql, type Kysely, type Selectable } from 'kysely'
import type { HelpCounts, IndicatorCounts, MilestoneCounts, OwedPeriod, ProjectCounts } from '../../domain/department-sections'
import { figureOf } from '../../domain/ledger/indicators'
import { VISITOR_ROLES, type VisitorRole } from '../../domain/visit/periods'
import type { Database } from '../database'
import type { BulletinPressesTable } from '../tables/bulletin-presses'

/**
 * The monthly bulletin's department sections: each one aggregate over the month grouped by
 * department (domain/department-sections.ts says who a department answers for).
 */

const num = (v: unknown) => Number(v ?? 0)
const days = (month: string) => {
  const [y, m] = month.split('-').map(Number)
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  return { first: `${month}-01`, next: `${next}-01` }
}

/** Per department: how many enterprises on the roster have an officer, a leader, and how many heads it has. */
export async function countVisitPairs(db: Kysely<Database>) {
  const [enterprises, heads] = await Promise.all([
    db
      .selectFrom('enterprises')
      .select([
        'department_id',
        sql<number>`count(*)`.as('n'),
        sql<number>`count(officer_id)`.as('officers'),
        sql<number>`count(leader_id)`.as('leaders'),
      ])
      .where('deactivated_at', 'is', null)
      .where('department_id', 'is not', null)
      .groupBy('department_id')
      .execute(),
    db
      .selectFrom('users')
      .select(['department_id', sql<number>`count(*)`.as('n')])
      .where('role', '=', 'dept_head')
      .where('deactivated_at', 'is', null)
      .where('department_id', 'is not', null)
      .groupBy('department_id')
      .execute(),
  ])
  const headsOf = new Map(heads.map((h) => [h.department_id as string, num(h.n)]))
  return new Map(
    enterprises.map((e) => [
      e.department_id as string,
      { officer: num(e.officers), leader: num(e.leaders), dept_head: num(e.n) * (headsOf.get(e.department_id as string) ?? 0) },
    ]),
  )
}

/**
 * Per department and role: the owed periods in which a covering person made a proven visit to an
 * enterprise they cover (officer, leader, or a head of its department), each (person, enterprise,
 * period) once. First the window's proven visits are folded per (person, enterprise) into one flag
 * per owed period, on the covering index alone (visits_proven_idx); only those pairs meet the
 * enterprises and people, then sum by department and role.
 */
export async function countVisitsDone(db: Kysely<Database>, periods: Record<VisitorRole, OwedPeriod[]>) {
  const all = Object.values(periods).flat()
  if (all.length === 0) return new Map<string, Record<VisitorRole, number>>()
  const window = { from: Math.min(...all.map((p) => p.from)), to: Math.max(...all.map((p) => p.to)) }
  const flag = (role: VisitorRole, i: number) => sql.raw(`${role}_${i}`)
  const flags = VISITOR_ROLES.flatMap((role) =>
    periods[role].map((p, i) => sql`max(case when visited_at >= ${p.from} and visited_at < ${p.to} then 1 else 0 end) as ${flag(role, i)}`),
  )
  const made = (role: VisitorRole) =>
    periods[role].length
      ? sql.join(
          periods[role].map((_, i) => sql`v.${flag(role, i)}`),
          sql` + `,
        )
      : sql`0`
  const rows = await sql<{ department: string; role: VisitorRole; n: number }>`
    select e.department_id as department,
      case when v.host_id = e.officer_id then 'officer' when v.host_id = e.leader_id then 'leader' else 'dept_head' end as role,
      sum(case when v.host_id = e.officer_id then ${made('officer')}
               when v.host_id = e.leader_id then ${made('leader')}
               else ${made('dept_head')} end) as n
    from (
      select host_id, enterprise_id, ${sql.join(flags)}
      from visits
      where proven = 1 and visited_at >= ${window.from} and visited_at < ${window.to}
      group by host_id, enterprise_id
    ) v
    join enterprises e on e.id = v.enterprise_id
    left join users h on h.id = v.host_id
    where e.deactivated_at is null and e.department_id is not null
      and (v.host_id = e.officer_id or v.host_id = e.leader_id
           or (h.role = 'dept_head' and h.deactivated_at is null and h.department_id = e.department_id))
    group by e.department_id, 2`.execute(db)
  const done = new Map<string, Record<VisitorRole, number>>()
  for (const r of rows.rows) {
    const row = done.get(r.department) ?? { officer: 0, dept_head: 0, leader: 0 }
    row[r.role] = num(r.n)
    done.set(r.department, row)
  }
  return done
}

/** 一企一策 milestones due in the month, per department: done, and not done past their day (through `judged`). */
export async function countPlanMilestones(db: Kysely<Database>, month: string, judged: string): Promise<Map<string, MilestoneCounts>> {
  const { first, next } = days(month)
  const rows = await db
    .selectFrom('plan_milestones as m')
    .innerJoin('enterprises as e', 'e.id', 'm.enterprise_id')
    .select([
      'e.department_id',
      sql<number>`count(*)`.as('due'),
      sql<number>`sum(case when m.done_at is not null then 1 else 0 end)`.as('met'),
      sql<number>`sum(case when m.done_at is null and m.due_on <= ${judged} then 1 else 0 end)`.as('overdue'),
    ])
    .where('m.due_on', '>=', first)
    .where('m.due_on', '<', next)
    .where('e.deactivated_at', 'is', null)
    .where('e.department_id', 'is not', null)
    .groupBy('e.department_id')
    .execute()
  return new Map(rows.map((r) => [r.department_id as string, { due: num(r.due), met: num(r.met), overdue: num(r.overdue) }]))
}

/**
 * A project's department: its enterprise's 包抓部门, or for a project without one, its secretary's.
 * The bulletin and the year-end assessment both count a project by it (projectsOfDepartments).
 */
export const projectDepartment = sql<string | null>`coalesce(e.department_id, s.department_id)`
const behindBy = (judged: string) =>
  sql<boolean>`exists (select 1 from project_milestones bm where bm.project_id = p.id and bm.done_on is null and bm.planned_on <= ${judged})`

/** Projects (`p`) with what places them in a department: their enterprise (`e`) and secretary (`s`). */
export function projectsOfDepartments(db: Kysely<Database>) {
  return db
    .selectFrom('projects as p')
    .leftJoin('enterprises as e', 'e.id', 'p.enterprise_id')
    .leftJoin('users as s', 's.id', 'p.secretary_id')
}

/**
 * Key projects per department: how many, how many behind schedule (a milestone not done by
 * `judged`), milestones due in the month and done, stage moves in the month, progress reported for it.
 */
export async function countProjects(
  db: Kysely<Database>,
  month: string,
  range: { from: number; to: number },
  judged: string,
): Promise<Map<string, ProjectCounts>> {
  const { first, next } = days(month)
  const rows = await projectsOfDepartments(db)
    .select([
      projectDepartment.as('department'),
      sql<number>`count(*)`.as('projects'),
      sql<number>`sum(case when ${behindBy(judged)} then 1 else 0 end)`.as('behind'),
      sql<number>`sum((select count(*) from project_milestones dm where dm.project_id = p.id and dm.planned_on >= ${first} and dm.planned_on < ${next}))`.as(
        'due',
      ),
      sql<number>`sum((select count(*) from project_milestones dm where dm.project_id = p.id and dm.planned_on >= ${first} and dm.planned_on < ${next} and dm.done_on is not null))`.as(
        'met',
      ),
      sql<number>`sum((select count(*) from project_stage_changes c where c.project_id = p.id and c.version > 0 and c.changed_at >= ${range.from} and c.changed_at < ${range.to}))`.as(
        'moves',
      ),
      sql<number>`sum(case when exists (select 1 from project_progress g where g.project_id = p.id and g.month = ${month}) then 1 else 0 end)`.as(
        'progress',
      ),
    ])
    .where(projectDepartment, 'is not', null)
    // By position: PostgreSQL would not see two copies of a parametrised expression as one.
    .groupBy(sql`1`)
    .execute()
  return new Map(
    rows.map((r) => [
      r.department as string,
      {
        projects: num(r.projects),
        behind: num(r.behind),
        dueMilestones: num(r.due),
        metMilestones: num(r.met),
        stageMoves: num(r.moves),
        progressReported: num(r.progress),
      },
    ]),
  )
}

/** The projects behind schedule (through `judged`) with their department, by name: what the figure opens. */
export async function listBehindProjects(db: Kysely<Database>, judged: string) {
  const rows = await projectsOfDepartments(db)
    .select(['p.id', 'p.name', projectDepartment.as('department')])
    .where(behindBy(judged))
    .orderBy('p.name')
    .orderBy('p.id')
    .execute()
  return rows.filter((r) => r.department !== null).map((r) => ({ id: r.id, name: r.name, departmentId: r.department as string }))
}

/** Help from the ledger given in the month and confirmed by the enterprise, per department and kind. */
export async function sumConfirmedHelp(db: Kysely<Database>, month: string): Promise<Map<string, HelpCounts[]>> {
  const { first, next } = days(month)
  const rows = await db
    .selectFrom('help_entries as h')
    .innerJoin('enterprises as e', 'e.id', 'h.enterprise_id')
    .select([
      'e.department_id',
      'h.kind',
      sql<number>`count(distinct h.enterprise_id)`.as('enterprises'),
      sql<number>`coalesce(sum(h.amount), 0)`.as('amount'),
    ])
    .where('h.state', '=', 'confirmed')
    .where('h.given_on', '>=', first)
    .where('h.given_on', '<', next)
    .where('e.department_id', 'is not', null)
    .groupBy(['e.department_id', 'h.kind'])
    .orderBy('h.kind')
    .execute()
  const byDepartment = new Map<string, HelpCounts[]>()
  for (const r of rows) {
    const list = byDepartment.get(r.department_id as string) ?? []
    list.push({ kind: r.kind, enterprises: num(r.enterprises), amount: num(r.amount) })
    byDepartment.set(r.department_id as string, list)
  }
  return byDepartment
}

/**
 * The indicators of the firms on each department's roster for the month: how many reported of
 * those expected, 产值 this month and in the same month last year (also over the firms that
 * reported 产值 in both), and early warnings opened on the month's figures.
 */
export async function sumIndicators(db: Kysely<Database>, month: string, lastYear: string): Promise<Map<string, IndicatorCounts>> {
  const rows = await db
    .selectFrom('enterprises as e')
    .leftJoin('indicator_reports as r', (j) => j.onRef('r.enterprise_id', '=', 'e.id').on('r.month', '=', month))
    .leftJoin('indicator_reports as ly', (j) => j.onRef('ly.enterprise_id', '=', 'e.id').on('ly.month', '=', lastYear))
    .leftJoin('warning_tasks as w', (j) => j.onRef('w.enterprise_id', '=', 'e.id').on('w.month', '=', month))
    .select([
      'e.department_id',
      sql<number>`count(*)`.as('enterprises'),
      sql<number>`count(r.id)`.as('reported'),
      // Null where no firm gave 产值: not reported is not zero.
      sql<number | null>`sum(r.revenue)`.as('revenue'),
      sql<number | null>`sum(ly.revenue)`.as('revenueLastYear'),
      // Comparable: firms with 产值 in both months (a town may leave 产值 out of some months).
      sql<number>`coalesce(sum(case when ly.revenue is not null then r.revenue end), 0)`.as('comparable'),
      sql<number>`coalesce(sum(case when r.revenue is not null then ly.revenue end), 0)`.as('comparableLastYear'),
      sql<number>`count(w.id)`.as('warnings'),
    ])
    .where('e.deactivated_at', 'is', null)
    .where('e.department_id', 'is not', null)
    .groupBy('e.department_id')
    .execute()
  return new Map(
    rows.map((r) => [
      r.department_id as string,
      {
        enterprises: num(r.enterprises),
        reported: num(r.reported),
        revenue: figureOf(r.revenue),
        revenueLastYear: figureOf(r.revenueLastYear),
        revenueComparable: num(r.comparable),
        revenueComparableLastYear: num(r.comparableLastYear),
        warnings: num(r.warnings),
      },
    ]),
  )
}

// ——— 督办 of a lagging department ———

export type BulletinPressRow = Selectable<BulletinPressesTable>

export function listPresses(db: Kysely<Database>, month: string): Promise<BulletinPressRow[]> {
  return db.selectFrom('bulletin_presses').selectAll().where('month', '=', month).execute()
}

export function findPress(db: Kysely<Database>, departmentId: string, month: string): Promise<BulletinPressRow | undefined> {
  return db
    .selectFrom('bulletin_presses')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('month', '=', month)
    .executeTakeFirst()
}

/** Inserts the month's 督办 of a department unless there is one: answers whether this one is new. */
export async function insertPress(db: Kysely<Database>, row: BulletinPressRow): Promise<boolean> {
  const inserted = await db
    .insertInto('bulletin_presses')
    .values(row)
    .onConflict((oc) => oc.columns(['department_id', 'month']).doNothing())
    .returning('id')
    .execute()
  return inserted.length > 0
}

/** Records the head's answer to a pressed 督办; false when it was answered meanwhile. */
export async function answerPress(db: Kysely<Database>, id: string, answer: { text: string; by: string; at: number }): Promise<boolean> {
  const result = await db
    .updateTable('bulletin_presses')
    .set({ state: 'answered', answer: answer.text, answered_by: answer.by, answered_at: answer.at })
    .where('id', '=', id)
    .where('state', '=', 'pressed')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
