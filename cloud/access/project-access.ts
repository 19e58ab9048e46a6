import type { ActionContext } from '../actions/context'
import { requireUser } from '../actions/context'
import { forbidden, notFound } from '../domain/errors'
import { mayEditProject, mayReadProject, mayReportOnProject, projectRelation, type ProjectRelation } from '../domain/project/project'
import { findProjectById, type ProjectRow } from '../store/repositories/projects'
import type { UserRow } from '../store/repositories/users'

/** What the caller means to do with a project: read it, edit it (its leader, admins), report on it (and its secretary). */
export type ProjectNeed = 'read' | 'edit' | 'report'

/**
 * Loads a project for a caller: staff read every project; only admins and its leader edit it, and
 * they and its secretary report on it. Anyone else (an owner, a guest) learns nothing of it.
 */
export async function loadProject(
  ctx: ActionContext,
  id: string,
  need: ProjectNeed,
): Promise<{ user: UserRow; project: ProjectRow; relation: ProjectRelation }> {
  const user = requireUser(ctx)
  const project = await findProjectById(ctx.db, id)
  const relation = project ? projectRelation(user, { leaderId: project.leader_id, secretaryId: project.secretary_id }) : 'none'
  if (!project || !mayReadProject(relation)) throw notFound('没有这个项目')
  if (need === 'edit' && !mayEditProject(relation)) throw forbidden('只有管理员和项目的包抓领导可以修改项目')
  if (need === 'report' && !mayReportOnProject(relation)) throw forbidden('只有项目秘书、包抓领导和管理员可以填报')
  return { user, project, relation }
}
