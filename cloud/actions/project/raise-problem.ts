import type { ActionOutput, ParsedInput } from '../../contract'
import { loadProject } from '../../access/project-access'
import { badRequest } from '../../domain/errors'
import { notifyProblemRaised } from '../../notify/project-notifications'
import { findEnterpriseById } from '../../store/repositories/enterprises'
import { linkProjectAppeal } from '../../store/repositories/projects'
import { loadProjectDetail } from '../../views/project-view'
import { once } from '../../workflows/once'
import { submitAppeal } from '../../workflows/submit-appeal'
import type { ActionContext } from '../context'

/**
 * project.raiseProblem: its secretary, its leader or an admin files a problem of the project as an
 * appeal of its enterprise, through the path staff file by (routed, held, timed and told as any
 * other), linked to the project in the same transaction, and its leader told. Once per form.
 */
export async function raiseProblem(
  ctx: ActionContext,
  input: ParsedInput<'project.raiseProblem'>,
): Promise<ActionOutput<'project.raiseProblem'>> {
  const { user, project, relation } = await loadProject(ctx, input.projectId, 'report')
  const enterprise = project.enterprise_id ? await findEnterpriseById(ctx.db, project.enterprise_id) : undefined
  if (!enterprise || enterprise.deactivated_at !== null)
    throw badRequest('「项目」(projectId)：项目尚未关联企业，请先在项目中选择企业', 'projectId')
  const now = ctx.clock.now()
  const verdict = await ctx.contentCheck.check(`${input.title}\n${input.description}`, user.openid)
  if (verdict === 'risky') throw badRequest('问题内容未通过内容安全检查，请修改后再提交', 'description')
  const appealId = await once(
    ctx.db,
    { userId: user.id, clientRequestId: input.clientRequestId, action: 'project.raiseProblem', now },
    async (trx) => {
      const id = await submitAppeal(
        trx,
        {
          enterprise,
          createdBy: user,
          clientRequestId: input.clientRequestId,
          source: 'project',
          category: input.category,
          title: input.title,
          description: input.description,
          urgency: input.urgency,
          contactName: input.contactName ?? user.name,
          contactPhone: input.contactPhone ?? user.phone,
          moderation: verdict,
          tellOwners: true,
          origin: { projectId: project.id, projectName: project.name },
        },
        now,
        ctx.deadlines,
        ctx.officeRules,
      )
      await linkProjectAppeal(trx, { appeal_id: id, project_id: project.id, raised_by: user.id, raised_at: now })
      await notifyProblemRaised(
        trx,
        { id: project.id, name: project.name, leaderId: project.leader_id },
        { id, title: input.title },
        user.id,
        now,
      )
      return id
    },
  )
  ctx.log.info('project problem filed', { appealId, projectId: project.id })
  return { appealId, project: await loadProjectDetail(ctx.db, project.id, relation, now) }
}
