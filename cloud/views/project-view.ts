import type { ProjectDetail, ProjectSummary } from '../contract'
import { stateLabel } from '../domain/appeal/rules'
import { beijingDay } from '../domain/visit/calendar'
import { mayEditProject, mayReportOnProject, milestoneBehind, stageLabel, type ProjectRelation } from '../domain/project/project'
import type { Db } from '../store/database'
import {
  findNamedProject,
  listMilestones,
  listProgress,
  listProjectAppeals,
  listStageChanges,
  type NamedProjectRow,
} from '../store/repositories/projects'

export function projectSummary(row: NamedProjectRow & { behind: number; open: number }): ProjectSummary {
  return {
    id: row.id,
    name: row.name,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name ?? null,
    investment: Number(row.investment),
    stage: row.stage,
    stageLabel: stageLabel(row.stage),
    leaderId: row.leader_id,
    leaderName: row.leader_name,
    secretaryId: row.secretary_id,
    secretaryName: row.secretary_name,
    behindCount: row.behind,
    openCount: row.open,
    behind: row.behind > 0,
    version: Number(row.version),
  }
}

/** A project whole, as its page shows it on the day of `now`, for a caller standing in `relation` to it. */
export async function loadProjectDetail(db: Db, id: string, relation: ProjectRelation, now: number): Promise<ProjectDetail> {
  const today = beijingDay(now)
  const [row, milestones, progress, appeals, stages] = await Promise.all([
    findNamedProject(db, id),
    listMilestones(db, id),
    listProgress(db, id),
    listProjectAppeals(db, id),
    listStageChanges(db, id),
  ])
  if (!row) throw new Error(`project ${id} vanished`)
  const milestoneViews = milestones.map((m) => ({
    id: m.id,
    title: m.title,
    plannedOn: m.planned_on,
    doneOn: m.done_on,
    behind: milestoneBehind({ plannedOn: m.planned_on, doneOn: m.done_on }, today),
  }))
  const behind = milestoneViews.filter((m) => m.behind).length
  const open = milestoneViews.filter((m) => m.doneOn === null).length
  return {
    ...projectSummary({ ...row, behind, open }),
    note: row.note,
    milestones: milestoneViews,
    progress: progress.map((p) => ({
      id: p.id,
      month: p.month,
      note: p.note,
      uploadIds: JSON.parse(p.uploads) as string[],
      recorderName: p.recorder_name,
      recordedAt: Number(p.recorded_at),
    })),
    appeals: appeals.map((a) => ({
      id: a.id,
      title: a.title,
      state: a.state,
      stateLabel: stateLabel(a.state),
      raisedAt: Number(a.raised_at),
    })),
    stages: stages.map((s) => ({
      fromStage: s.from_stage,
      toStage: s.to_stage,
      label: s.from_stage ? `${stageLabel(s.from_stage)} → ${stageLabel(s.to_stage)}` : `立项：${stageLabel(s.to_stage)}`,
      reason: s.reason,
      at: Number(s.changed_at),
    })),
    may: { edit: mayEditProject(relation), report: mayReportOnProject(relation) },
  }
}
