import type { EnterpriseDossier, ParsedInput } from '../../contract'
import { forbidden } from '../../domain/errors'
import { inTransaction } from '../../store/database'
import { newId } from '../../store/ids'
import { replaceTeamMembers } from '../../store/repositories/five-ones'
import { canManagePlan, loadCoveredEnterprise } from '../../access/enterprise-access'
import { recordAudit } from '../../workflows/audit'
import { ActionContext } from '../context'
import { enterpriseDossier } from '../enterprise/enterprise-dossier'

/** plan.setTeam: the enterprise's 一套班子, saved whole (saving the same list twice changes nothing more). */
export async function setTeam(ctx: ActionContext, input: ParsedInput<'plan.setTeam'>): Promise<EnterpriseDossier> {
  const { user, enterprise } = await loadCoveredEnterprise(ctx, input.enterpriseId)
  if (!canManagePlan(user, enterprise)) throw forbidden('只有领导、管理员和包抓部门负责人可以设定帮扶团队')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (trx) => {
    await replaceTeamMembers(
      trx,
      enterprise.id,
      input.members.map((member, position) => ({
        id: newId('tm'),
        enterprise_id: enterprise.id,
        name: member.name,
        duty: member.duty,
        position,
        updated_by: user.id,
        updated_at: now,
      })),
    )
    await recordAudit(
      trx,
      user,
      [
        {
          entity: 'enterprise',
          entityId: enterprise.id,
          action: 'set_team',
          summary: `设定${enterprise.name}的帮扶团队（${input.members.length} 人）`,
          after: { members: input.members },
        },
      ],
      now,
    )
  })
  return enterpriseDossier(ctx, { enterpriseId: enterprise.id })
}
