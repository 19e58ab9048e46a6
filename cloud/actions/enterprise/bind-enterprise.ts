import type { BindResult, ParsedInput } from '../../contract'
import { inZone } from '../../domain/clock'
import { AppError, badRequest } from '../../domain/errors'
import { codeStanding } from '../../domain/onboarding/codes'
import { notify, type Notification } from '../../notify/notify'
import { isUniqueViolation } from '../../store/constraint'
import { inTransaction } from '../../store/database'
import { newId } from '../../store/ids'
import { findAccessCodeByHash, spendAccessCode } from '../../store/repositories/access-codes'
import { findEnterpriseByCreditCode } from '../../store/repositories/enterprises'
import { findPendingRequestOf, insertOwnerRequest } from '../../store/repositories/owner-requests'
import { findUserById, listOwnerIds, updateUser } from '../../store/repositories/users'
import { codeHashOf, codeRefusal } from '../../workflows/access-codes'
import { countTry } from '../../workflows/attempts'
import { recordAudit } from '../../workflows/audit'
import { loadMe } from '../auth/get-me'
import { ActionContext, requireUser } from '../context'

/** One message for a wrong code and an unknown credit code, so the endpoint does not tell which codes exist. */
const WRONG = '「绑定码」(bindingCode)：统一社会信用代码或绑定码不正确，请向您的驻企特派员核对'

/**
 * enterprise.bind: a guest proves they speak for an enterprise with its credit code and the
 * one-time binding code its officer issued. Ten tries an hour per person and per credit code,
 * counted in the store before the code is looked at (429 after). The code is spent in the
 * transaction that uses it. An enterprise without owners gets its primary owner at once; one that
 * has owners gets a request its primary owner or its officer approves. The owners and the officer
 * are told of every binding.
 */
export async function bindEnterprise(ctx: ActionContext, input: ParsedInput<'enterprise.bind'>): Promise<BindResult> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  await countTry(ctx.db, now, [
    { scope: 'bindByPerson', subject: user.id },
    { scope: 'bindByEnterprise', subject: input.creditCode },
  ])
  const enterprise = await findEnterpriseByCreditCode(ctx.db, input.creditCode)
  const code =
    enterprise && enterprise.deactivated_at === null
      ? await findAccessCodeByHash(ctx.db, codeHashOf('binding', input.bindingCode, enterprise.id))
      : undefined
  if (!enterprise || !code || code.kind !== 'binding' || code.enterprise_id !== enterprise.id) throw badRequest(WRONG, 'bindingCode')
  const standing = codeStanding(code, now)
  if (standing !== 'live') throw codeRefusal(standing, 'binding', 'bindingCode', '绑定码')
  if (await findPendingRequestOf(ctx.db, user.id))
    throw new AppError('CONFLICT', '您已有一个绑定申请在等待企业同意，请等候或联系驻企特派员')

  const state = await inTransaction(ctx.db, async (trx) => {
    if (!(await spendAccessCode(trx, code.id, user.id, now)))
      throw new AppError('CONFLICT', '这个绑定码刚刚已被使用，请向您的驻企特派员重新索取')
    const owners = await listOwnerIds(trx, enterprise.id)
    const who = `${input.name}（${input.phone}）`
    let result: BindResult['state']
    if (owners.length === 0) {
      // Only a user who is still a guest changes: a concurrent bind of the same person loses cleanly.
      const changed = await updateUser(
        trx,
        user.id,
        {
          role: 'owner',
          enterprise_id: enterprise.id,
          primary_owner: 1,
          owner_since: now,
          name: input.name,
          phone: input.phone,
          title: `${enterprise.name} 负责人`,
        },
        { role: 'guest' },
      ).catch((error: unknown) => {
        if (isUniqueViolation(error)) return 0
        throw error
      })
      if (changed === 0) throw new AppError('CONFLICT', '您的微信已经绑定了企业，或这家企业刚刚有了负责人，请刷新后查看')
      result = 'bound'
    } else {
      await updateUser(trx, user.id, { name: input.name, phone: input.phone }, { role: 'guest' })
      await insertOwnerRequest(trx, {
        id: newId('or'),
        enterprise_id: enterprise.id,
        user_id: user.id,
        state: 'pending',
        created_at: now,
        decided_by: null,
        decided_at: null,
      })
      result = 'pending'
    }
    const at = inZone(now).format('YYYY年M月D日 HH:mm')
    const told: Notification[] = [...owners, ...(enterprise.officer_id ? [enterprise.officer_id] : [])].map((userId) => ({
      userId,
      kind: `enterprise.${result}`,
      title: result === 'bound' ? `${enterprise.name}已有企业用户绑定` : `有人申请绑定${enterprise.name}，请确认`,
      body:
        result === 'bound'
          ? `${who}用绑定码绑定了${enterprise.name}。如不是本企业人员，请立即在“企业成员”里移除。`
          : `${who}用绑定码申请成为${enterprise.name}的企业用户。是本企业的人请同意，否则请拒绝。`,
      link: `/pages/members/index?id=${encodeURIComponent(enterprise.id)}`,
      dedupeKey: `bind:${code.id}:${userId}`,
      template: 'account_notice' as const,
      fields: { title: result === 'bound' ? '企业有新绑定' : '企业绑定待确认', note: `${input.name}：${enterprise.name}`, at },
    }))
    await notify(trx, told, now)
    await recordAudit(
      trx,
      { id: user.id, role: result === 'bound' ? 'owner' : 'guest' },
      [
        {
          entity: 'binding',
          entityId: enterprise.id,
          action: result === 'bound' ? 'bind' : 'request',
          summary:
            result === 'bound' ? `${who}用绑定码成为${enterprise.name}的主要负责人` : `${who}用绑定码申请绑定${enterprise.name}，等待同意`,
        },
      ],
      now,
    )
    return result
  })
  ctx.log.info('enterprise binding', { userId: user.id, enterpriseId: enterprise.id, state })
  return { state, enterpriseName: enterprise.name, me: await loadMe(ctx, (await findUserById(ctx.db, user.id))!) }
}
