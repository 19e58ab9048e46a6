import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely'
import type { Database } from '../database'
import { OPEN_STATES } from '../../domain/appeal/rules'
import type {
  ProjectAppealsTable,
  ProjectMilestonesTable,
  ProjectProgressTable,
  ProjectReviewItemsTable,
  ProjectReviewsTable,
  ProjectStageChangesTable,
  ProjectsTable,
} from '../tables/projects'

export type ProjectRow = Selectable<ProjectsTable>
export type ProjectMilestoneRow = Selectable<ProjectMilestonesTable>
export type ProjectProgressRow = Selectable<ProjectProgressTable>
export type ProjectStageChangeRow = Selectable<ProjectStageChangesTable>

/** A project with the names the views show. */
function withNames(db: Kysely<Database>) {
  return db
    .selectFrom('projects as p')
    .leftJoin('enterprises as e', 'e.id', 'p.enterprise_id')
    .innerJoin('users as l', 'l.id', 'p.leader_id')
    .innerJoin('users as s', 's.id', 'p.secretary_id')
    .selectAll('p')
    .select(['e.name as enterprise_name', 'l.name as leader_name', 's.name as secretary_name'])
}
export type NamedProjectRow = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>

export function findProjectById(db: Kysely<Database>, id: string): Promise<ProjectRow | undefined> {
  return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findNamedProject(db: Kysely<Database>, id: string): Promise<NamedProjectRow | undefined> {
  return withNames(db).where('p.id', '=', id).executeTakeFirst()
}

export async function insertProject(db: Kysely<Database>, row: Insertable<ProjectsTable>): Promise<void> {
  await db.insertInto('projects').values(row).execute()
}

/** Changes a project from the version the caller saw: answers whether it applied. */
export async function updateProject(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: Omit<Updateable<ProjectsTable>, 'id' | 'version'>,
): Promise<boolean> {
  const result = await db
    .updateTable('projects')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function insertStageChange(db: Kysely<Database>, row: Insertable<ProjectStageChangesTable>): Promise<void> {
  await db.insertInto('project_stage_changes').values(row).execute()
}

export function listStageChanges(db: Kysely<Database>, projectId: string): Promise<ProjectStageChangeRow[]> {
  return db.selectFrom('project_stage_changes').selectAll().where('project_id', '=', projectId).orderBy('version').execute()
}

/** The condition "one of its milestones is past its planned day and not done", on projects joined as `p`. */
const behindOn = (today: string) =>
  sql<boolean>`exists (select 1 from project_milestones m where m.project_id = p.id and m.done_on is null and m.planned_on < ${today})`

/**
 * A page of projects, by stage then name, with the total; `behindOn` keeps those behind schedule on
 * that day. Each row carries how many of its milestones are behind and how many are left.
 */
export async function listProjects(
  db: Kysely<Database>,
  filter: { behindOn?: string; today: string; stage?: string; limit: number; offset: number },
) {
  let base = db.selectFrom('projects as p')
  if (filter.behindOn) base = base.where(behindOn(filter.behindOn))
  if (filter.stage) base = base.where('p.stage', '=', filter.stage as ProjectRow['stage'])
  const ids = await base.select('p.id').orderBy('p.name').orderBy('p.id').limit(filter.limit).offset(filter.offset).execute()
  const [rows, total, counts] = await Promise.all([
    ids.length
      ? withNames(db)
          .where(
            'p.id',
            'in',
            ids.map((r) => r.id),
          )
          .execute()
      : Promise.resolve([]),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ids.length
      ? db
          .selectFrom('project_milestones')
          .select('project_id')
          .select((eb) => [
            eb.fn.sum<number>(sql`case when done_on is null and planned_on < ${filter.today} then 1 else 0 end`).as('behind'),
            eb.fn.sum<number>(sql`case when done_on is null then 1 else 0 end`).as('open'),
          ])
          .where(
            'project_id',
            'in',
            ids.map((r) => r.id),
          )
          .groupBy('project_id')
          .execute()
      : Promise.resolve([]),
  ])
  const byId = new Map(rows.map((r) => [r.id, r]))
  const countOf = new Map(counts.map((c) => [c.project_id, { behind: Number(c.behind ?? 0), open: Number(c.open ?? 0) }]))
  return {
    rows: ids.map((r) => ({ ...byId.get(r.id)!, ...(countOf.get(r.id) ?? { behind: 0, open: 0 }) })),
    total: Number(total.n),
  }
}

// ——— milestones ———

export function findMilestoneById(db: Kysely<Database>, id: string): Promise<ProjectMilestoneRow | undefined> {
  return db.selectFrom('project_milestones').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertMilestone(db: Kysely<Database>, row: Insertable<ProjectMilestonesTable>): Promise<void> {
  await db.insertInto('project_milestones').values(row).execute()
}

/** Renames or replans a milestone that is not done yet: answers whether it applied. */
export async function updateOpenMilestone(
  db: Kysely<Database>,
  id: string,
  changes: { title: string; planned_on: string },
): Promise<boolean> {
  const result = await db
    .updateTable('project_milestones')
    .set(changes)
    .where('id', '=', id)
    .where('done_on', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Marks a milestone done, once: answers whether it applied. */
export async function completeMilestone(db: Kysely<Database>, id: string, done: { on: string; by: string }): Promise<boolean> {
  const result = await db
    .updateTable('project_milestones')
    .set({ done_on: done.on, done_by: done.by })
    .where('id', '=', id)
    .where('done_on', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export function listMilestones(db: Kysely<Database>, projectId: string): Promise<ProjectMilestoneRow[]> {
  return db.selectFrom('project_milestones').selectAll().where('project_id', '=', projectId).orderBy('planned_on').orderBy('id').execute()
}

// ——— progress ———

/** One note per project and month: a second one for the month replaces it. */
export async function upsertProgress(db: Kysely<Database>, row: Insertable<ProjectProgressTable>): Promise<void> {
  await db
    .insertInto('project_progress')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['project_id', 'month']).doUpdateSet({
        note: row.note,
        uploads: row.uploads,
        recorded_by: row.recorded_by,
        recorded_at: row.recorded_at,
      }),
    )
    .execute()
}

/** A project's progress notes, newest month first, with who wrote them. */
export function listProgress(db: Kysely<Database>, projectId: string) {
  return db
    .selectFrom('project_progress as g')
    .innerJoin('users as u', 'u.id', 'g.recorded_by')
    .selectAll('g')
    .select('u.name as recorder_name')
    .where('g.project_id', '=', projectId)
    .orderBy('g.month', 'desc')
    .execute()
}

// ——— linked appeals ———

export async function linkProjectAppeal(db: Kysely<Database>, row: Insertable<ProjectAppealsTable>): Promise<void> {
  await db.insertInto('project_appeals').values(row).execute()
}

/** The appeals filed for a project's problems, newest first. */
export function listProjectAppeals(db: Kysely<Database>, projectId: string) {
  return db
    .selectFrom('project_appeals as pa')
    .innerJoin('appeals as a', 'a.id', 'pa.appeal_id')
    .select(['a.id', 'a.title', 'a.state', 'a.category', 'pa.raised_at'])
    .where('pa.project_id', '=', projectId)
    .orderBy('pa.raised_at', 'desc')
    .orderBy('a.id')
    .execute()
}

// ——— the project meeting (项目调度会) ———

/**
 * What the meeting list reads, in three queries: every project with its people, its milestones not
 * done and planned by `lastDay`, and the problems filed for it (appeals) still open.
 */
export async function listMeetingProjects(db: Kysely<Database>, lastDay: string) {
  const [projects, milestones, problems] = await Promise.all([
    withNames(db).orderBy('p.name').orderBy('p.id').execute(),
    db
      .selectFrom('project_milestones')
      .select(['project_id', 'title', 'planned_on', 'done_on'])
      .where('done_on', 'is', null)
      .where('planned_on', '<=', lastDay)
      .execute(),
    db
      .selectFrom('project_appeals as pa')
      .innerJoin('appeals as a', 'a.id', 'pa.appeal_id')
      .select(['pa.project_id', 'a.title', 'pa.raised_at'])
      .where('a.state', 'in', OPEN_STATES)
      .execute(),
  ])
  return { projects, milestones, problems }
}

// ——— 半年观摩 ———

export type ProjectReviewRow = Selectable<ProjectReviewsTable>
export type ProjectReviewItemRow = Selectable<ProjectReviewItemsTable>

/**
 * Where every project stands on `today`, as a review records it: its people, its milestones done,
 * in all and behind, its open problems and its latest 形象进度. Four queries, whatever the count.
 */
export async function readProjectStanding(db: Kysely<Database>, today: string) {
  const [projects, milestones, problems, progress] = await Promise.all([
    withNames(db).orderBy('p.name').orderBy('p.id').execute(),
    db
      .selectFrom('project_milestones')
      .select('project_id')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number>(sql`case when done_on is not null then 1 else 0 end`).as('done'),
        eb.fn.sum<number>(sql`case when done_on is null and planned_on < ${today} then 1 else 0 end`).as('behind'),
      ])
      .groupBy('project_id')
      .execute(),
    db
      .selectFrom('project_appeals as pa')
      .innerJoin('appeals as a', 'a.id', 'pa.appeal_id')
      .select('pa.project_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.state', 'in', OPEN_STATES)
      .groupBy('pa.project_id')
      .execute(),
    db
      .selectFrom('project_progress as g')
      .select(['g.project_id', 'g.month', 'g.note'])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('project_progress as later')
              .select('later.id')
              .whereRef('later.project_id', '=', 'g.project_id')
              .whereRef('later.month', '>', 'g.month'),
          ),
        ),
      )
      .execute(),
  ])
  const counts = new Map(
    milestones.map((m) => [m.project_id, { total: Number(m.total), done: Number(m.done ?? 0), behind: Number(m.behind ?? 0) }]),
  )
  const open = new Map(problems.map((p) => [p.project_id, Number(p.n)]))
  const latest = new Map(progress.map((g) => [g.project_id, g]))
  return projects.map((p) => ({
    project: p,
    milestones: counts.get(p.id) ?? { total: 0, done: 0, behind: 0 },
    openProblems: open.get(p.id) ?? 0,
    progress: latest.get(p.id) ?? null,
  }))
}

export async function insertReview(
  db: Kysely<Database>,
  review: Insertable<ProjectReviewsTable>,
  items: Insertable<ProjectReviewItemsTable>[],
): Promise<void> {
  await db.insertInto('project_reviews').values(review).execute()
  // In slices: SQLite takes at most 32,766 parameters in one statement.
  for (let i = 0; i < items.length; i += 500)
    await db
      .insertInto('project_review_items')
      .values(items.slice(i, i + 500))
      .execute()
}

/** Every review (or the one named), the latest first, with how many projects it holds, their investment and how many were behind. */
export function listReviews(db: Kysely<Database>, id?: string) {
  let query = db.selectFrom('project_reviews as r')
  if (id !== undefined) query = query.where('r.id', '=', id)
  return query
    .innerJoin('users as u', 'u.id', 'r.taken_by')
    .leftJoin('project_review_items as i', 'i.review_id', 'r.id')
    .select(['r.id', 'r.title', 'r.taken_on', 'r.taken_at', 'u.name as taken_by_name'])
    .select((eb) => [
      eb.fn.count<number>('i.project_id').as('projects'),
      eb.fn.sum<number>(sql`coalesce(i.investment, 0)`).as('investment'),
      eb.fn.sum<number>(sql`case when i.milestones_behind > 0 then 1 else 0 end`).as('behind'),
    ])
    .groupBy(['r.id', 'r.title', 'r.taken_on', 'r.taken_at', 'u.name'])
    .orderBy('r.taken_at', 'desc')
    .orderBy('r.id')
    .execute()
}

export function listReviewItems(db: Kysely<Database>, reviewId: string): Promise<ProjectReviewItemRow[]> {
  return db.selectFrom('project_review_items').selectAll().where('review_id', '=', reviewId).orderBy('name').orderBy('project_id').execute()
}

/** The stage each of these projects is in now (a project since deleted has none). */
export async function findStagesNow(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const rows = await db.selectFrom('projects').select(['id', 'stage']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.stage]))
}
