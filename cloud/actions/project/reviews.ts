import type { ParsedInput, ProjectReview, ProjectReviewSummary } from '../../contract'
import { AppError } from '../../domain/errors'
import { stageLabel } from '../../domain/project/project'
import { defaultReviewTitle, stageMoveSince } from '../../domain/project/review'
import { beijingDay } from '../../domain/visit/calendar'
import type { Db } from '../../store/database'
import { newId } from '../../store/ids'
import {
  findStagesNow,
  insertReview,
  listReviewItems,
  listReviews,
  readProjectStanding,
  type ProjectReviewItemRow,
} from '../../store/repositories/projects'
import { recordAudit } from '../../workflows/audit'
import { once } from '../../workflows/once'
import { ActionContext, requireUser } from '../context'

/**
 * project.takeReview (半年观摩): every key project as it stands today — stage, milestones done, in
 * all and behind, open problems, latest 形象进度 — copied into one record, once per form.
 */
export async function takeReview(ctx: ActionContext, input: ParsedInput<'project.takeReview'>): Promise<ProjectReview> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const today = beijingDay(now)
  const request = { userId: user.id, clientRequestId: input.clientRequestId, action: 'project.takeReview', now }
  const id = await once(ctx.db, request, async (trx) => {
    const standing = await readProjectStanding(trx, today)
    if (standing.length === 0) throw new AppError('CONFLICT', '还没有重点项目，无需观摩记录')
    const review = { id: newId('prv'), title: input.title || defaultReviewTitle(today), taken_on: today, taken_by: user.id, taken_at: now }
    await insertReview(
      trx,
      review,
      standing.map(({ project, milestones, openProblems, progress }) => ({
        review_id: review.id,
        project_id: project.id,
        name: project.name,
        enterprise_name: project.enterprise_name ?? null,
        investment: Number(project.investment),
        stage: project.stage,
        leader_name: project.leader_name,
        secretary_name: project.secretary_name,
        milestones_done: milestones.done,
        milestones_total: milestones.total,
        milestones_behind: milestones.behind,
        open_problems: openProblems,
        progress_month: progress?.month ?? null,
        progress_note: progress?.note ?? null,
      })),
    )
    await recordAudit(
      trx,
      user,
      [{ entity: 'project_review', entityId: review.id, action: 'create', summary: `记录${review.title}（${standing.length} 个项目）` }],
      now,
    )
    return review.id
  })
  return loadReview(ctx.db, id)
}

/** project.reviews: every review, the latest first. */
export async function listProjectReviews(ctx: ActionContext): Promise<{ items: ProjectReviewSummary[] }> {
  return { items: (await listReviews(ctx.db)).map(summary) }
}

/** project.review: one review, each project as it stood, and how its stage has moved since. */
export async function getReview(ctx: ActionContext, input: ParsedInput<'project.review'>): Promise<ProjectReview> {
  return loadReview(ctx.db, input.id)
}

async function loadReview(db: Db, id: string): Promise<ProjectReview> {
  const [head] = await listReviews(db, id)
  if (!head) throw new AppError('NOT_FOUND', '没有这次观摩记录')
  const items = await listReviewItems(db, id)
  const stagesNow = await findStagesNow(
    db,
    items.map((i) => i.project_id),
  )
  return { ...summary(head), items: items.map((item) => itemView(item, stagesNow.get(item.project_id) ?? null)) }
}

const summary = (row: Awaited<ReturnType<typeof listReviews>>[number]): ProjectReviewSummary => ({
  id: row.id,
  title: row.title,
  takenOn: row.taken_on,
  takenByName: row.taken_by_name,
  projects: Number(row.projects),
  investment: Math.round(Number(row.investment ?? 0) * 100) / 100,
  behind: Number(row.behind ?? 0),
})

const itemView = (item: ProjectReviewItemRow, stageNow: string | null) => ({
  projectId: item.project_id,
  name: item.name,
  enterpriseName: item.enterprise_name,
  investment: Number(item.investment),
  stageLabel: stageLabel(item.stage),
  movedSince: stageMoveSince(item.stage, stageNow),
  leaderName: item.leader_name,
  secretaryName: item.secretary_name,
  milestonesDone: Number(item.milestones_done),
  milestonesTotal: Number(item.milestones_total),
  milestonesBehind: Number(item.milestones_behind),
  openProblems: Number(item.open_problems),
  progressMonth: item.progress_month,
  progressNote: item.progress_note,
})
