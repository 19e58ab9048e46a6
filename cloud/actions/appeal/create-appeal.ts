import type { AppealDetail, ParsedInput } from '../../contract'
import { badRequest, forbidden } from '../../domain/errors'
import { checkDailyLimit, limitWindowStart } from '../../domain/limits'
import { inTransaction } from '../../store/database'
import { countAppealsFiledSince, findAppealByClientRequest, findFilingFacts } from '../../store/repositories/appeals'
import { findStaffById } from '../../store/repositories/users'
import { findExhibitionById } from '../../store/repositories/exhibitions'
import { findPolicyById } from '../../store/repositories/policies'
import { attachUploads } from '../../store/repositories/uploads'
import { ActionContext, requireUser } from '../context'
import { findServiceItem } from '../service/services'
import { loadAppealDetail } from '../../views/appeal-detail'
import { submitAppeal } from '../../workflows/submit-appeal'

/**
 * appeal.create: an owner files an appeal for their own enterprise. It is routed by category to a
 * department, held by the enterprise's own officer, and given its deadlines (a 请帮我办 item's own
 * published limit, where it states one); the appeal, its first event and its attachments are
 * written together. A complaint about staff goes to the 督查 office (纪检 where configured) and is
 * hidden from the person it names. A retry with the same client request id returns the first one.
 */
export async function createAppeal(ctx: ActionContext, input: ParsedInput<'appeal.create'>): Promise<AppealDetail> {
  const user = requireUser(ctx)
  if (!user.enterprise_id) throw forbidden('请先绑定企业，再提交诉求')
  const now = ctx.clock.now()
  // The enterprise, an earlier try of this request and the day's count: one read.
  const facts = await findFilingFacts(ctx.db, {
    enterpriseId: user.enterprise_id,
    createdBy: user.id,
    clientRequestId: input.clientRequestId,
    since: limitWindowStart(now),
  })
  const retriedId = facts ? facts.retriedId : (await findAppealByClientRequest(ctx.db, user.id, input.clientRequestId))?.id
  if (retriedId) return loadAppealDetail(ctx, user, retriedId, now)

  checkDailyLimit('appeals', facts ? facts.filedSince : await countAppealsFiledSince(ctx.db, user.id, limitWindowStart(now)))

  const verdict = await ctx.contentCheck.check(`${input.title}\n${input.description}`, user.openid)
  if (verdict === 'risky') throw badRequest('诉求内容未通过内容安全检查，请修改后再提交', 'description')

  if (input.policyId) {
    const policy = await findPolicyById(ctx.db, input.policyId)
    if (!policy || policy.status !== 'published') throw badRequest('「相关政策」(policyId)：这条政策不存在或已撤回', 'policyId')
  }
  const serviceItem = input.serviceItemId ? findServiceItem(input.serviceItemId) : undefined
  if (input.serviceItemId && !serviceItem) throw badRequest('「帮办事项」(serviceItemId)：没有这项帮办服务', 'serviceItemId')
  if (input.exhibitionId && !(await findExhibitionById(ctx.db, input.exhibitionId)))
    throw badRequest('「展会」(exhibitionId)：没有这个展会', 'exhibitionId')

  const enterprise = facts?.enterprise
  if (!enterprise) throw forbidden('绑定的企业已不存在，请联系驻企特派员')
  if (input.accusedId && !input.conduct) throw badRequest('「被投诉人」(accusedId)：只有作风投诉才指明被投诉人', 'accusedId')
  if (input.accusedId && !(await findStaffById(ctx.db, input.accusedId)))
    throw badRequest('「被投诉人」(accusedId)：没有这位工作人员', 'accusedId')
  let id = ''
  try {
    await inTransaction(ctx.db, async (trx) => {
      id = await submitAppeal(
        trx,
        {
          enterprise,
          createdBy: user,
          clientRequestId: input.clientRequestId,
          source: input.serviceItemId ? 'proxy' : input.exhibitionId ? 'exhibition' : 'owner',
          category: input.category,
          title: input.title,
          description: input.description,
          urgency: input.urgency,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          policyId: input.policyId,
          serviceItemId: input.serviceItemId,
          itemWorkingDays: serviceItem?.workingDays ?? null,
          moderation: verdict,
          // A complaint about staff names the enterprise's own officer unless it names someone else.
          ...(input.conduct ? { conduct: { accusedId: input.accusedId ?? enterprise.officer_id } } : {}),
          anonymous: input.anonymous,
          ...(input.exhibitionId ? { origin: { exhibitionId: input.exhibitionId } } : {}),
        },
        now,
        ctx.deadlines,
        ctx.officeRules,
      )
      const attached = await attachUploads(trx, user.id, id, input.attachmentIds)
      if (attached !== input.attachmentIds.length)
        throw badRequest('「附件」(attachmentIds)：有附件不存在或已被使用，请重新上传', 'attachmentIds')
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
