import type { ActionContext } from '../../app/context'
import { requireUser } from '../../app/context'
import type { AppealDetail, ParsedInput } from '../../contract'
import { badRequest, forbidden } from '../../domain/errors'
import { newId } from '../../domain/ids'
import { checkDailyLimit, limitWindowStart } from '../../domain/limits'
import { appendAppealEvent, countAppealsFiledSince, findAppealByClientRequest, findAppealById, findRoutingDepartment, insertAppeal } from '../../store/repositories/appeals'
import { findEnterpriseById } from '../../store/repositories/enterprises'
import { findPolicyById } from '../../store/repositories/policies'
import { attachUploads } from '../../store/repositories/uploads'
import { notifyAppealEvent } from '../notify/appeal-notifications'
import { findServiceItem } from '../service/services'
import { loadAppealDetail } from './appeal-detail'
import { initialDeadlines } from '../../domain/appeal/deadlines'
import { SUBMITTED } from '../../domain/appeal/rules'

/**
 * appeal.create: an owner files an appeal for their own enterprise. It is routed by category to a
 * department, held by the enterprise's own officer, and given its deadlines; the appeal, its
 * first event and its attachments are written together. A retry with the same client request id returns the first one.
 */
export async function createAppeal(ctx: ActionContext, input: ParsedInput<'appeal.create'>): Promise<AppealDetail> {
  const user = requireUser(ctx)
  if (!user.enterprise_id) throw forbidden('请先绑定企业，再提交诉求')
  const now = ctx.clock.now()
  const retried = await findAppealByClientRequest(ctx.db, user.id, input.clientRequestId)
  if (retried) return loadAppealDetail(ctx, user, retried.id, now)

  checkDailyLimit('appeals', await countAppealsFiledSince(ctx.db, user.id, limitWindowStart(now)))

  const verdict = await ctx.contentCheck.check(`${input.title}\n${input.description}`, user.openid)
  if (verdict === 'risky') throw badRequest('诉求内容未通过内容安全检查，请修改后再提交', 'description')

  if (input.policyId) {
    const policy = await findPolicyById(ctx.db, input.policyId)
    if (!policy || policy.status !== 'published') throw badRequest('「相关政策」(policyId)：这条政策不存在或已撤回', 'policyId')
  }
  if (input.serviceItemId && !findServiceItem(input.serviceItemId)) throw badRequest('「帮办事项」(serviceItemId)：没有这项帮办服务', 'serviceItemId')

  const enterprise = await findEnterpriseById(ctx.db, user.enterprise_id)
  if (!enterprise) throw forbidden('绑定的企业已不存在，请联系驻企特派员')
  const departmentId = (await findRoutingDepartment(ctx.db, input.category)) ?? enterprise.department_id
  const deadlines = initialDeadlines(now, input.urgency, ctx.deadlines)
  const id = newId('ap')

  try {
    await ctx.db.transaction().execute(async (trx) => {
      await insertAppeal(trx, {
        id,
        enterprise_id: enterprise.id,
        created_by: user.id,
        client_request_id: input.clientRequestId,
        source: input.serviceItemId ? 'proxy' : 'owner',
        policy_id: input.policyId ?? null,
        service_item_id: input.serviceItemId ?? null,
        category: input.category,
        title: input.title,
        description: input.description,
        urgency: input.urgency,
        complexity: 'ordinary',
        contact_name: input.contactName,
        contact_phone: input.contactPhone,
        state: SUBMITTED,
        handler_id: enterprise.officer_id,
        department_id: departmentId,
        submitted_at: now,
        accept_due_at: deadlines.acceptDueAt,
        close_due_at: deadlines.closeDueAt,
        due_at: deadlines.acceptDueAt,
        supervision_level: 0,
        supervised_due_at: null,
        accepted_at: null,
        resolved_at: null,
        closed_at: null,
        moderation: verdict,
        help_kind: null,
        help_amount: null,
        reopen_count: 0,
        dispute_count: 0,
        resolved_late: 0,
        version: 0,
        updated_at: now,
      })
      await appendAppealEvent(trx, {
        id: newId('ev'),
        appeal_id: id,
        seq: 1,
        actor_id: user.id,
        actor_role: user.role,
        action: 'create',
        from_state: null,
        to_state: SUBMITTED,
        note: '',
        data: JSON.stringify({ moderation: verdict }),
        at: now,
      })
      const attached = await attachUploads(trx, user.id, id, input.attachmentIds)
      if (attached !== input.attachmentIds.length) throw badRequest('「附件」(attachmentIds)：有附件不存在或已被使用，请重新上传', 'attachmentIds')
      // The handler learns at once that work has arrived.
      await notifyAppealEvent(trx, (await findAppealById(trx, id))!, { action: 'create', note: input.title, actorId: user.id, key: 'created' }, now)
    })
  } catch (error) {
    // The same submit, retried while the first was still being written, lost the unique race.
    const raced = await findAppealByClientRequest(ctx.db, user.id, input.clientRequestId)
    if (raced) return loadAppealDetail(ctx, user, raced.id, now)
    throw error
  }
  ctx.log.info('appeal created', { appealId: id, enterpriseId: enterprise.id })
  return loadAppealDetail(ctx, user, id, now)
}
