import type { projectActions } from '../../contract/project'
import type { AreaHandlers } from '../handler'
import { advanceStage } from './advance-stage'
import { completeMilestone } from './complete-milestone'
import { getProject } from './get-project'
import { listProjects } from './list-projects'
import { projectMeeting } from './project-meeting'
import { raiseProblem } from './raise-problem'
import { reportProgress } from './report-progress'
import { getReview, listProjectReviews, takeReview } from './reviews'
import { saveMilestone } from './save-milestone'
import { saveProject } from './save-project'

/** The key projects' handlers, one per action of cloud/contract/project.ts. */
export const projectHandlers = {
  'project.save': saveProject,
  'project.list': listProjects,
  'project.meeting': projectMeeting,
  'project.takeReview': takeReview,
  'project.reviews': listProjectReviews,
  'project.review': getReview,
  'project.get': getProject,
  'project.advanceStage': advanceStage,
  'project.saveMilestone': saveMilestone,
  'project.completeMilestone': completeMilestone,
  'project.reportProgress': reportProgress,
  'project.raiseProblem': raiseProblem,
} satisfies AreaHandlers<typeof projectActions>
