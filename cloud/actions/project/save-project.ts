import type { ActionOutput, ParsedInput } from '../../contract'
import { loadProject } from '../../access/project-access'
import { AppError, badRequest, notFound } from '../../domain/errors'
import { projectRelation, teamProblem } from '../../domain/project/project'
import { inTransaction } from '../../store/database'
import { newId } from '../../store/ids'
import { findEnterpriseById } from '../../store/repositories/enterprises'
import { findProjectById, insertProject, insertStageChange, updateProject } from '../../store/repositories/projects'
import { findUserById } from '../../store/repositories/users'
import { notifyProjectTeam } from '../../notify/project-notifications'
import { loadProjectDetail } from '../../views/project-view'
import { once } from '../../workflows/once'
import { type ActionContext, requireUser } from '../context'

/**
 * project.save: admins and leaders create a key project (once per form), naming its 包抓 leader
 * and secretary; admins and its leader edit it later from the version they saw. The stage is set
 * at creation only: later moves go through project.advanceStage. Newly named people are told.
 */
export async function saveProject(ctx: ActionContext, input: ParsedInput<'project.save'>): Promise<ActionOutput<'project.save'>> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const [leader, secretary] = await Promise.all([findUserById(ctx.db, input.leaderId), findUserById(ctx.db, input.secretaryId)])
  const team = teamProblem(
    leader && { role: leader.role, active: leader.deactivated_at === null },
    secretary && { role: secretary.role, active: secretary.deactivated_at === null },
  )
  if (team) throw badRequest(`「${team.field === 'leaderId' ? '包抓领导' : '项目秘书'}」(${team.field})：${team.problem}`, team.field)
  const enterpriseId = input.enterpriseId ?? null
  if (enterpriseId) {
    const enterprise = await findEnterpriseById(ctx.db, enterpriseId)
    if (!enterprise || enterprise.deactivated_at !== null) throw badRequest('「企业」(enterpriseId)：没有这家企业', 'enterpriseId')
  }
  const fields = {
    name: input.name,
    enterprise_id: enterpriseId,
    investment: input.investment,
    leader_id: input.leaderId,
    secretary_id: input.secretaryId,
    note: input.note,
    updated_at: now,
  }

  if (input.id) {
    const { project } = await loadProject(ctx, input.id, 'edit')
    if (input.version === undefined) throw badRequest('「版本号」(version)：修改项目时请提供版本号', 'version')
    if (input.stage !== undefined && input.stage !== project.stage)
      throw badRequest('「项目阶段」(stage)：请用「推进阶段」改变项目阶段', 'stage')
    await inTransaction(ctx.db, async (trx) => {
      if (!(await updateProject(trx, project.id, input.version!, fields))) throw new AppError('CONFLICT', '项目已被他人修改，请刷新后再试')
      const named = [
        ...(project.leader_id !== input.leaderId ? [{ userId: input.leaderId, as: '包抓领导' as const }] : []),
        ...(project.secretary_id !== input.secretaryId ? [{ userId: input.secretaryId, as: '项目秘书' as const }] : []),
      ]
      await notifyProjectTeam(trx, { id: project.id, name: input.name, version: input.version! + 1 }, named, user.id, now)
    })
    const relation = projectRelation(user, { leaderId: input.leaderId, secretaryId: input.secretaryId })
    return loadProjectDetail(ctx.db, project.id, relation, now)
  }

  if (input.version !== undefined) throw badRequest('「版本号」(version)：新建项目不填版本号', 'version')
  const stage = input.stage ?? 'signed'
  const id = await once(ctx.db, { userId: user.id, clientRequestId: input.clientRequestId, action: 'project.save', now }, async (trx) => {
    const projectId = newId('prj')
    await insertProject(trx, { id: projectId, ...fields, stage, created_by: user.id, created_at: now, version: 0 })
    await insertStageChange(trx, {
      id: newId('pst'),
      project_id: projectId,
      from_stage: null,
      to_stage: stage,
      version: 0,
      reason: '',
      changed_by: user.id,
      changed_at: now,
    })
    await notifyProjectTeam(
      trx,
      { id: projectId, name: input.name, version: 0 },
      [
        { userId: input.leaderId, as: '包抓领导' },
        { userId: input.secretaryId, as: '项目秘书' },
      ],
      user.id,
      now,
    )
    return projectId
  })
  const project = await findProjectById(ctx.db, id)
  if (!project) throw notFound('没有这个项目')
  return loadProjectDetail(ctx.db, id, projectRelation(user, { leaderId: project.leader_id, secretaryId: project.secretary_id }), now)
}
