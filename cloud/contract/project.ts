import { z } from 'zod'
import { MEETING_SPANS, type MeetingSpan } from '../domain/project/meeting'
import { PROJECT_STAGE_IDS, type ProjectStage } from '../domain/project/project'
import { createAppealInput } from './appeal'
import { clientRequestId, day, empty, id, month, optionalText, page, phone, text, version } from './fields'
import { type Area, STAFF, returns } from './spec'

const stage = z.enum(PROJECT_STAGE_IDS, { error: '请选择项目阶段：签约、拿地、开工、竣工或投产' }).meta({ title: '项目阶段' })

export const saveProjectInput = z.strictObject({
  /** One project per form, however often it is submitted. */
  clientRequestId,
  /** Absent to create a project; present (with the version seen) to edit it. */
  id: id('项目').optional(),
  version: version.optional(),
  name: text('项目名称', 60),
  /** The enterprise behind the project, when there is one yet. */
  enterpriseId: id('企业').nullable().optional(),
  /** 亿元. */
  investment: z
    .number({ error: '请填写投资额（亿元）' })
    .gt(0, '投资额应大于 0')
    .max(10_000, '投资额（亿元）不能超过 10000')
    .meta({ title: '投资额（亿元）' }),
  /** The stage it starts in; later moves go through project.advanceStage. */
  stage: stage.optional(),
  /** 包抓领导. */
  leaderId: id('包抓领导'),
  /** 项目秘书: an officer or a department head. */
  secretaryId: id('项目秘书'),
  note: optionalText('项目简介', 500),
})

export const listProjectsInput = z.strictObject({
  /** Only projects behind schedule (滞后): a milestone past its planned day and not done. */
  behind: z.boolean().default(false).meta({ title: '只看滞后' }),
  stage: stage.optional(),
  ...page,
})

export const getProjectInput = z.strictObject({ id: id('项目') })

export const advanceStageInput = z.strictObject({
  id: id('项目'),
  version,
  stage,
  /** Required to move back. */
  reason: optionalText('退回原因', 200),
})

export const saveProjectMilestoneInput = z.strictObject({
  clientRequestId,
  projectId: id('项目'),
  /** Absent to add a milestone; present to rename or replan one not done yet. */
  id: id('节点').optional(),
  title: text('节点名称', 40),
  plannedOn: day('计划完成日期'),
})

export const completeProjectMilestoneInput = z.strictObject({
  id: id('节点'),
  doneOn: day('实际完成日期'),
})

export const reportProgressInput = z.strictObject({
  projectId: id('项目'),
  month,
  note: text('形象进度', 500),
  /** Photos the reporter uploaded beforehand. */
  uploadIds: z
    .array(id('照片'))
    .max(9, '照片最多 9 张')
    .refine((ids) => new Set(ids).size === ids.length, '照片重复了')
    .default([])
    .meta({ title: '照片' }),
})

export const raiseProblemInput = z.strictObject({
  clientRequestId,
  projectId: id('项目'),
  category: createAppealInput.shape.category,
  title: createAppealInput.shape.title,
  description: createAppealInput.shape.description,
  urgency: createAppealInput.shape.urgency,
  /** The caller's own name and phone unless given. */
  contactName: text('联系人', 20).optional(),
  contactPhone: phone.optional(),
})

export const projectMeetingInput = z.strictObject({
  span: z.enum(MEETING_SPANS, { error: '请选择本周调度或本月调度' }).default('week').meta({ title: '调度周期' }),
})

/** 半年观摩: the projects as they stand today, kept; without a title, it takes the half year's. */
export const takeReviewInput = z.strictObject({
  clientRequestId,
  title: optionalText('观摩名称', 40),
})

export const getReviewInput = z.strictObject({ id: id('观摩记录') })

export interface ProjectReviewSummary {
  id: string
  title: string
  takenOn: string
  takenByName: string
  projects: number
  /** 亿元, the projects' investment that day. */
  investment: number
  /** Projects behind schedule that day. */
  behind: number
}

/** One project as it stood on the review's day, and how its stage has moved since. */
export interface ProjectReviewItemView {
  projectId: string
  name: string
  enterpriseName: string | null
  investment: number
  stageLabel: string
  /** 签约 → 开工 since the review; null when it has not moved. */
  movedSince: string | null
  leaderName: string
  secretaryName: string
  milestonesDone: number
  milestonesTotal: number
  milestonesBehind: number
  openProblems: number
  progressMonth: string | null
  progressNote: string | null
}

export interface ProjectReview extends ProjectReviewSummary {
  items: ProjectReviewItemView[]
}

/** One project on a meeting list: who answers for it, and what puts it there. */
export interface ProjectMeetingEntry {
  projectId: string
  name: string
  stageLabel: string
  leaderName: string
  secretaryName: string
  lines: string[]
}

/** 项目调度会: what is behind, what is blocked, and what falls due before the week or month ends. */
export interface ProjectMeeting {
  span: MeetingSpan
  /** 本周（11月30日—12月6日）or 2026年12月. */
  label: string
  today: string
  lastDay: string
  behind: ProjectMeetingEntry[]
  blocked: ProjectMeetingEntry[]
  due: ProjectMeetingEntry[]
}

export interface ProjectSummary {
  id: string
  name: string
  enterpriseId: string | null
  enterpriseName: string | null
  /** 亿元. */
  investment: number
  stage: ProjectStage
  stageLabel: string
  leaderId: string
  leaderName: string
  secretaryId: string
  secretaryName: string
  /** Milestones behind schedule today, and milestones not yet done. */
  behindCount: number
  openCount: number
  behind: boolean
  version: number
}

export interface ProjectMilestoneView {
  id: string
  title: string
  plannedOn: string
  doneOn: string | null
  behind: boolean
}

export interface ProjectProgressView {
  id: string
  month: string
  note: string
  uploadIds: string[]
  recorderName: string
  recordedAt: number
}

export interface ProjectAppealView {
  id: string
  title: string
  state: string
  stateLabel: string
  raisedAt: number
}

export interface ProjectStageChangeView {
  fromStage: ProjectStage | null
  toStage: ProjectStage
  label: string
  reason: string
  at: number
}

export interface ProjectDetail extends ProjectSummary {
  note: string
  milestones: ProjectMilestoneView[]
  progress: ProjectProgressView[]
  appeals: ProjectAppealView[]
  stages: ProjectStageChangeView[]
  /** What the caller may do: edit (admins and its leader), report (they and its secretary). */
  may: { edit: boolean; report: boolean }
}

/** 重点项目 */
export const projectActions = {
  'project.save': {
    summary: '新建或修改重点项目（管理员、包抓领导）',
    access: ['leader', 'admin'],
    input: saveProjectInput,
    output: returns<ProjectDetail>(),
  },
  'project.list': {
    summary: '重点项目列表，可只看滞后项目',
    access: STAFF,
    input: listProjectsInput,
    output: returns<{ items: ProjectSummary[]; total: number; today: string }>(),
  },
  'project.meeting': {
    summary: '项目调度会清单：滞后、受阻（问题未办结）和本周或本月到期的节点',
    access: STAFF,
    input: projectMeetingInput,
    output: returns<ProjectMeeting>(),
  },
  'project.takeReview': {
    summary: '半年观摩：记录全部重点项目当天的阶段、节点、问题和形象进度（包抓领导、管理员）',
    access: ['leader', 'admin'],
    input: takeReviewInput,
    output: returns<ProjectReview>(),
  },
  'project.reviews': {
    summary: '历次半年观摩记录',
    access: STAFF,
    input: empty,
    output: returns<{ items: ProjectReviewSummary[] }>(),
  },
  'project.review': {
    summary: '一次观摩记录：各项目当天的情况，以及此后阶段的变化',
    access: STAFF,
    input: getReviewInput,
    output: returns<ProjectReview>(),
  },
  'project.get': {
    summary: '重点项目详情：节点、形象进度、反映的问题',
    access: STAFF,
    input: getProjectInput,
    output: returns<ProjectDetail>(),
  },
  'project.advanceStage': {
    summary: '推进项目阶段（退回需写明原因）',
    access: ['leader', 'admin'],
    input: advanceStageInput,
    output: returns<ProjectDetail>(),
  },
  'project.saveMilestone': {
    summary: '新增或修改项目节点',
    access: ['leader', 'admin'],
    input: saveProjectMilestoneInput,
    output: returns<ProjectDetail>(),
  },
  'project.completeMilestone': {
    summary: '项目节点完成（项目秘书、包抓领导、管理员）',
    access: STAFF,
    input: completeProjectMilestoneInput,
    output: returns<ProjectDetail>(),
  },
  'project.reportProgress': {
    summary: '填报月度形象进度（项目秘书、包抓领导、管理员）',
    access: STAFF,
    input: reportProgressInput,
    output: returns<ProjectDetail>(),
  },
  'project.raiseProblem': {
    summary: '反映项目问题：登记为与项目关联的诉求',
    access: STAFF,
    input: raiseProblemInput,
    output: returns<{ appealId: string; project: ProjectDetail }>(),
  },
} satisfies Area<'project'>
