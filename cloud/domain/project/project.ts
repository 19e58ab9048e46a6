import type { Role } from '../roles'

/**
 * 重点项目: a key project moves through five stages, forward only; going back (a stage recorded in
 * error, a permit withdrawn) needs a reason. Each project has one 包抓 leader and one 秘书
 * (一项目一领导一秘书), milestones with planned dates, monthly 形象进度 and problems filed as appeals.
 */
export const PROJECT_STAGES = {
  signed: '签约',
  land: '拿地',
  started: '开工',
  completed: '竣工',
  operating: '投产',
} as const
export type ProjectStage = keyof typeof PROJECT_STAGES
export const PROJECT_STAGE_IDS = Object.keys(PROJECT_STAGES) as ProjectStage[]

export const stageLabel = (stage: string) => PROJECT_STAGES[stage as ProjectStage] ?? stage
export const stageIndex = (stage: ProjectStage) => PROJECT_STAGE_IDS.indexOf(stage)

/**
 * Whether a project may move from one stage to another: any later stage (a stage may be skipped when
 * the work outran the record), an earlier one only with a reason. Null when allowed.
 */
export function stageMoveProblem(from: ProjectStage, to: ProjectStage, reason: string | null | undefined): string | null {
  if (from === to) return `项目已处于「${PROJECT_STAGES[to]}」阶段`
  if (stageIndex(to) > stageIndex(from)) return null
  return reason && reason.trim() ? null : `从「${PROJECT_STAGES[from]}」退回「${PROJECT_STAGES[to]}」需要写明原因`
}

/** A milestone as the rules read it: planned and done days are YYYY-MM-DD. */
export interface MilestoneDates {
  plannedOn: string
  doneOn: string | null
}

/** Behind schedule (滞后): its planned day has passed (today is later) and it is not done. */
export const milestoneBehind = (milestone: MilestoneDates, today: string) => milestone.doneOn === null && milestone.plannedOn < today

/** A project is behind when any of its milestones is. */
export const projectBehind = (milestones: readonly MilestoneDates[], today: string) => milestones.some((m) => milestoneBehind(m, today))

/** Whether a milestone may be marked done on a day: once, and not on a day still to come. */
export function completionProblem(milestone: MilestoneDates, doneOn: string, today: string): string | null {
  if (milestone.doneOn !== null) return '这个节点已经完成'
  if (doneOn > today) return '完成日期不能晚于今天'
  return null
}

/** 一项目一领导一秘书: the leader is a 包抓 leader, the secretary a member of staff who works cases. */
export const LEADER_ROLES: readonly Role[] = ['leader']
export const SECRETARY_ROLES: readonly Role[] = ['officer', 'dept_head']

/** The problem with the people named for a project, with the field it is about; null when they fit. */
export function teamProblem(
  leader: { role: Role; active: boolean } | undefined,
  secretary: { role: Role; active: boolean } | undefined,
): { field: 'leaderId' | 'secretaryId'; problem: string } | null {
  if (!leader || !leader.active || !LEADER_ROLES.includes(leader.role)) return { field: 'leaderId', problem: '请选择一位在职的包抓领导' }
  if (!secretary || !secretary.active || !SECRETARY_ROLES.includes(secretary.role))
    return { field: 'secretaryId', problem: '请选择一位在职的驻企特派员或部门负责人作为项目秘书' }
  return null
}

/** Who the caller is to a project: admins and its leader edit it; they and its secretary report on it. */
export type ProjectRelation = 'manager' | 'secretary' | 'reader' | 'none'

export function projectRelation(user: { id: string; role: Role }, project: { leaderId: string; secretaryId: string }): ProjectRelation {
  if (user.role === 'admin' || user.id === project.leaderId) return 'manager'
  if (user.id === project.secretaryId) return 'secretary'
  return user.role === 'officer' || user.role === 'dept_head' || user.role === 'leader' ? 'reader' : 'none'
}

export const mayEditProject = (relation: ProjectRelation) => relation === 'manager'
export const mayReportOnProject = (relation: ProjectRelation) => relation === 'manager' || relation === 'secretary'
export const mayReadProject = (relation: ProjectRelation) => relation !== 'none'

/** 形象进度 is reported for this month or one gone by, never for a month still to come. */
export const progressMonthProblem = (month: string, thisMonth: string): string | null =>
  month > thisMonth ? '不能填报以后月份的形象进度' : null
