import type { AlikeAppeal, AppealDetail, ParsedInput } from '../../contract'
import { alikeAppeals } from '../../domain/appeal/aggregation'
import { TRANSITIONS } from '../../domain/appeal/rules'
import { canViewAppeal } from '../../domain/appeal/visibility'
import { AppError, badRequest } from '../../domain/errors'
import { inTransaction } from '../../store/database'
import {
  appendNextAppealEvent,
  findAppealById,
  findAppealSummaries,
  findGroupCandidates,
  type AppealRow,
} from '../../store/repositories/appeals'
import { findEnterpriseById } from '../../store/repositories/enterprises'
import { ActionContext, requireUser } from '../context'
import { loadAppealDetail } from '../../views/appeal-detail'
import { decideFor } from '../../access/appeal-relations'
import { toAppealSummary } from '../../views/appeal-summary'
import { loadVisibleAppeal } from '../../access/appeal-access'
import { applyMove, transitionAppeal, userActor } from '../../workflows/appeal-transition'

/** How many recent open appeals of the category are compared: enough for a town, bounded for a county. */
const CANDIDATES = 300

/**
 * appeal.similar: open appeals of the same department and category whose text is alike (or that
 * come from the same park), which the caller may see; the ones to link (并案) or merge (并单).
 */
export async function similarAppeals(ctx: ActionContext, input: ParsedInput<'appeal.similar'>): Promise<AlikeAppeal[]> {
  const user = requireUser(ctx)
  const appeal = await loadVisibleAppeal(ctx.db, user, input.id)
  if (!appeal.department_id) return []
  const [enterprise, rows] = await Promise.all([
    findEnterpriseById(ctx.db, appeal.enterprise_id),
    findGroupCandidates(ctx.db, appeal.department_id, appeal.category, TRANSITIONS.link.from, CANDIDATES),
  ])
  const viewer = { id: user.id, role: user.role, enterpriseId: user.enterprise_id, departmentId: user.department_id }
  const visible = rows
    .filter((row) => row.merged_into === null && (row.group_id === null || row.group_id === (appeal.group_id ?? appeal.id)))
    .filter((row) =>
      canViewAppeal(
        {
          enterpriseId: row.enterprise_id,
          handlerId: row.handler_id,
          departmentId: row.department_id,
          enterpriseOfficerId: row.enterprise_officer_id,
          conduct: row.conduct === 1,
          accusedId: row.accused_id,
          anonymous: row.anonymous === 1,
        },
        viewer,
      ),
    )
    .map((row) => ({ ...row, enterpriseId: row.enterprise_id }))
  const alike = alikeAppeals(
    {
      id: appeal.id,
      enterpriseId: appeal.enterprise_id,
      park: enterprise?.park ?? '',
      title: appeal.title,
      description: appeal.description,
    },
    visible,
  )
  if (alike.length === 0) return []
  const summaries = await findAppealSummaries(
    ctx.db,
    alike.map((a) => a.appeal.id),
  )
  const now = ctx.clock.now()
  return alike.map(({ appeal: row, score, sameEnterprise, samePark }) => ({
    ...toAppealSummary(
      summaries.find((s) => s.id === row.id)!,
      now,
      user.role,
    ),
    score: Math.round(score * 100),
    sameEnterprise,
    samePark,
    inGroup: row.group_id !== null && row.group_id === (appeal.group_id ?? appeal.id),
    mergeTarget: sameEnterprise && row.submitted_at < appeal.submitted_at,
  }))
}

/**
 * appeal.link (并案办理): the handler of the lead appeal takes alike appeals of other enterprises
 * into its group. Each must be open, of the same category and department, in no other group, and
 * movable by the caller; each then has the lead's handler and gets its own timeline entry. All or
 * nothing, in one transaction.
 */
export async function linkAppeals(ctx: ActionContext, input: ParsedInput<'appeal.link'>): Promise<AppealDetail> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (trx) => {
    const lead = await loadVisibleAppeal(trx, user, input.id)
    if (lead.group_id !== null && lead.group_id !== lead.id)
      throw new AppError('CONFLICT', '这条诉求已并入另一条诉求一并办理，请在那条诉求上操作')
    const members: AppealRow[] = []
    for (const memberId of new Set(input.memberIds)) {
      const member = await loadVisibleAppeal(trx, user, memberId).catch(() => undefined)
      const problem = !member
        ? '不存在或无权查看'
        : member.id === lead.id
          ? '就是这条诉求本身'
          : member.category !== lead.category || member.department_id !== lead.department_id
            ? '类别或办理部门不同，不能并案'
            : member.group_id !== null
              ? '已在并案办理中'
              : !decideFor(member, user, 'link').ok
                ? '当前不能由您并案（已办结或不由您承办）'
                : null
      if (problem) throw badRequest(`「并案诉求」(memberIds)：${member ? `《${member.title}》` : memberId}${problem}`, 'memberIds')
      members.push(member!)
    }
    const handler = lead.handler_id ?? user.id
    await applyMove(
      trx,
      userActor(user),
      lead,
      {
        action: 'link',
        version: input.version,
        note: `与 ${members.length} 条同类诉求并案办理`,
        data: { memberIds: members.map((m) => m.id) },
        changes: { group_id: lead.id },
      },
      now,
    )
    for (const member of members) {
      await applyMove(
        trx,
        userActor(user),
        member,
        {
          action: 'link',
          version: member.version,
          note: `并入《${lead.title}》一并办理`,
          data: { leadId: lead.id },
          changes: { group_id: lead.id, handler_id: handler },
        },
        now,
      )
    }
  })
  return loadAppealDetail(ctx, user, input.id, now, true)
}

/**
 * appeal.merge (并单): a true duplicate from the same enterprise ends in the earlier appeal, which
 * carries on and records what was merged into it.
 */
export async function mergeAppeal(ctx: ActionContext, input: ParsedInput<'appeal.merge'>): Promise<AppealDetail> {
  const user = requireUser(ctx)
  const into = await loadVisibleAppeal(ctx.db, user, input.intoId).catch(() => undefined)
  if (!into) throw badRequest('「并入的诉求」(intoId)：不存在或无权查看', 'intoId')
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'merge',
    note: `与《${into.title}》重复，并入该诉求办理`,
    data: { intoId: into.id },
    changes: (duplicate, _to, now) => {
      if (duplicate.id === into.id) throw badRequest('「并入的诉求」(intoId)：不能并入自己', 'intoId')
      if (duplicate.enterprise_id !== into.enterprise_id) throw badRequest('「并入的诉求」(intoId)：只能并入同一企业的诉求', 'intoId')
      if (!(into.submitted_at < duplicate.submitted_at)) throw badRequest('「并入的诉求」(intoId)：应并入先提交的那条诉求', 'intoId')
      if (!TRANSITIONS.link.from.some((s) => s === into.state))
        throw badRequest('「并入的诉求」(intoId)：该诉求已办结或已并单，请另行处理', 'intoId')
      return { merged_into: into.id, closed_at: now, group_id: null }
    },
    alongside: async (trx, duplicate, _actor, now) => {
      // The earlier appeal keeps what the duplicate added, in its own timeline.
      const current = await findAppealById(trx, into.id)
      await appendNextAppealEvent(trx, {
        appeal_id: into.id,
        actor_id: user.id,
        actor_role: user.role,
        action: 'mergedIn',
        from_state: current!.state,
        to_state: current!.state,
        note: `并入重复诉求《${duplicate.title}》：${duplicate.description}`,
        data: JSON.stringify({ duplicateId: duplicate.id }),
        at: now,
      })
    },
  })
}
