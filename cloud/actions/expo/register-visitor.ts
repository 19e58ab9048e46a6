import type { ParsedInput } from '../../contract'
import type { ExpoVisitorView } from '../../contract/expo'
import { badRequest, notFound } from '../../domain/errors'
import { exhibitionPhase } from '../../domain/expo'
import { inTransaction } from '../../store/database'
import { claimInvitation, findExhibitionById, findVisitor, upsertVisitor } from '../../store/repositories/exhibitions'
import { ActionContext, requireUser } from '../context'
import { todayOf, toVisitorView } from '../../views/exhibition-view'

/**
 * expo.register: a person registers for the exhibition as a visitor (观众), or as a VIP buyer with
 * the invitation code the organisers sent them. Registering again changes the details; a VIP stays
 * a VIP. The code is claimed in the same transaction as the registration, so a refused code
 * leaves nothing behind.
 */
export async function registerVisitor(ctx: ActionContext, input: ParsedInput<'expo.register'>): Promise<ExpoVisitorView> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const exhibition = await findExhibitionById(ctx.db, input.exhibitionId)
  if (!exhibition) throw notFound('没有这个展会')
  if (exhibitionPhase({ startsOn: exhibition.starts_on, endsOn: exhibition.ends_on }, todayOf(now)) === 'expired') {
    throw badRequest('「展会」(exhibitionId)：展会已经结束，不再登记', 'exhibitionId')
  }
  const verdict = await ctx.contentCheck.check(`${input.name}\n${input.company}`, user.openid)
  if (verdict === 'risky') throw badRequest('「单位」(company)：内容未通过内容安全检查，请修改', 'company')

  const before = await findVisitor(ctx.db, exhibition.id, user.id)
  const vip = input.kind === 'vip' || before?.kind === 'vip'
  await inTransaction(ctx.db, async (trx) => {
    if (input.kind === 'vip' && !(await claimInvitation(trx, exhibition.id, input.invitationCode!, user.id, now))) {
      throw badRequest('「VIP 邀请码」(invitationCode)：邀请码不正确或已被他人使用，请核对主办方发来的邀请函', 'invitationCode')
    }
    await upsertVisitor(trx, {
      exhibition_id: exhibition.id,
      user_id: user.id,
      name: input.name,
      phone: input.phone,
      company: input.company,
      kind: vip ? 'vip' : 'visitor',
      share_contact: input.shareContact ? 1 : 0,
      invitation_code: input.kind === 'vip' ? input.invitationCode! : (before?.invitation_code ?? null),
      registered_at: before?.registered_at ?? now,
      updated_at: now,
    })
  })
  ctx.log.info('expo visitor registered', { exhibitionId: exhibition.id, userId: user.id, kind: vip ? 'vip' : 'visitor' })
  return toVisitorView((await findVisitor(ctx.db, exhibition.id, user.id))!)
}
