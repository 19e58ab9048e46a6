import type { AppealDetail, ParsedInput } from '../../contract'
import { badRequest } from '../../domain/errors'
import { inTransaction } from '../../store/database'
import { findAppealByClientRequest } from '../../store/repositories/appeals'
import { loadCoveredEnterprise } from '../../access/enterprise-access'
import { loadAppealDetail } from '../../views/appeal-detail'
import { submitAppeal } from '../../workflows/submit-appeal'
import { ActionContext } from '../context'

/**
 * appeal.fileFor (代为登记): staff take down an appeal for an enterprise they cover, from a phone
 * call, a 12345 工单 (its number kept) or a visit to the window. The source is shown on the appeal,
 * the enterprise's owners are told by message, and its owners rate it (it is theirs). The text is
 * checked like an owner's. A retry with the same client request id returns the first one.
 */
export async function fileAppealFor(ctx: ActionContext, input: ParsedInput<'appeal.fileFor'>): Promise<AppealDetail> {
  const { user, enterprise } = await loadCoveredEnterprise(ctx, input.enterpriseId)
  const now = ctx.clock.now()
  const retried = await findAppealByClientRequest(ctx.db, user.id, input.clientRequestId)
  if (retried) return loadAppealDetail(ctx, user, retried.id, now)
  if (input.channel !== 'hotline' && input.hotlineTicket)
    throw badRequest('「12345 工单编号」(hotlineTicket)：只有 12345 热线工单才填写工单编号', 'hotlineTicket')
  const verdict = await ctx.contentCheck.check(`${input.title}\n${input.description}`, user.openid)
  if (verdict === 'risky') throw badRequest('诉求内容未通过内容安全检查，请修改后再提交', 'description')
  let id = ''
  try {
    await inTransaction(ctx.db, async (trx) => {
      id = await submitAppeal(
        trx,
        {
          enterprise,
          createdBy: user,
          clientRequestId: input.clientRequestId,
          source: input.channel,
          category: input.category,
          title: input.title,
          description: input.description,
          urgency: input.urgency,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          moderation: verdict,
          anonymous: input.anonymous,
          hotlineTicket: input.hotlineTicket ?? null,
          tellOwners: true,
        },
        now,
        ctx.deadlines,
        ctx.officeRules,
      )
    })
  } catch (error) {
    const raced = await findAppealByClientRequest(ctx.db, user.id, input.clientRequestId)
    if (raced) return loadAppealDetail(ctx, user, raced.id, now)
    throw error
  }
  ctx.log.info('appeal filed for an enterprise', { appealId: id, enterpriseId: enterprise.id, channel: input.channel })
  return loadAppealDetail(ctx, user, id, now, true)
}
