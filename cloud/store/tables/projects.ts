import type { ProjectStage } from '../../domain/project/project'

/** 重点项目: one key project, its stage and its 包抓 leader and secretary. */
export interface ProjectsTable {
  id: string
  name: string
  enterprise_id: string | null
  /** 亿元. */
  investment: number
  stage: ProjectStage
  leader_id: string
  secretary_id: string
  note: string
  created_by: string
  created_at: number
  updated_at: number
  version: number
}

/** A stage move; `from_stage` is null for the stage a project was created in. */
export interface ProjectStageChangesTable {
  id: string
  project_id: string
  from_stage: ProjectStage | null
  to_stage: ProjectStage
  /** The project's version the move made (0 for its creation). */
  version: number
  /** Required for a move back; empty otherwise. */
  reason: string
  changed_by: string
  changed_at: number
}

export interface ProjectMilestonesTable {
  id: string
  project_id: string
  title: string
  /** YYYY-MM-DD. */
  planned_on: string
  /** YYYY-MM-DD, once done. */
  done_on: string | null
  done_by: string | null
  created_at: number
}

/** 形象进度: one note per project and month. */
export interface ProjectProgressTable {
  id: string
  project_id: string
  /** YYYY-MM. */
  month: string
  note: string
  /** JSON array of upload ids. */
  uploads: string
  recorded_by: string
  recorded_at: number
}

/** An appeal filed for one of a project's problems. */
export interface ProjectAppealsTable {
  appeal_id: string
  project_id: string
  raised_by: string
  raised_at: number
}

/** 半年观摩: one inspection tour of the key projects, on a day. */
export interface ProjectReviewsTable {
  id: string
  /** 2026年上半年重点项目观摩. */
  title: string
  /** YYYY-MM-DD, Beijing. */
  taken_on: string
  taken_by: string
  taken_at: number
}

/** What one project stood at on the day of a review, copied so the record stays as it was. */
export interface ProjectReviewItemsTable {
  review_id: string
  project_id: string
  name: string
  enterprise_name: string | null
  /** 亿元. */
  investment: number
  stage: ProjectStage
  leader_name: string
  secretary_name: string
  milestones_done: number
  milestones_total: number
  /** Past their planned day and not done, that day. */
  milestones_behind: number
  /** Problems filed for it (appeals) still open that day. */
  open_problems: number
  /** Its latest 形象进度 by then. */
  progress_month: string | null
  progress_note: string | null
}
