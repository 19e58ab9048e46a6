import { timingSafeEqual } from 'node:crypto'
import type { Me, ParsedInput } from '../../contract'
import { AppError, badRequest } from '../../domain/errors'
import { findEnterpriseByCreditCode } from '../../store/repositories/enterprises'
import { findUserById, updateUser } from '../../store/repositories/users'
import { loadMe } from '../auth/get-me'
import { ActionContext, requireUser } from '../context'

/**
 * enterprise.bind: a guest proves they speak for an enterprise with its credit code and the
 * invite code its officer handed them, and becomes its owner user.
 */
export async function bindEnterprise(ctx: ActionContext, input: ParsedInput<'enterprise.bind'>): Promise<Me> {
  const user = requireUser(ctx)
  const enterprise = await findEnterpriseByCreditCode(ctx.db, input.creditCode)
  // One message for both failures, so the endpoint does not tell which credit codes exist.
  if (!enterprise || !sameCode(enterprise.invite_code, input.inviteCode)) {
    throw badRequest('统一社会信用代码或邀请码不正确，请向您的驻企特派员核对', 'inviteCode')
  }
  // Only a user who is still a guest changes: a concurrent bind of the same person loses cleanly.
  const changed = await updateUser(ctx.db, user.id, { role: 'owner', enterprise_id: enterprise.id }, { role: 'guest' })
  if (changed === 0) throw new AppError('CONFLICT', '您的微信已经绑定了企业，请刷新后查看')
  const updated = await findUserById(ctx.db, user.id)
  if (!updated) throw new AppError('CONFLICT', '用户已不存在')
  ctx.log.info('enterprise bound', { userId: user.id, enterpriseId: enterprise.id })
  return loadMe(ctx, updated)
}

function sameCode(expected: string, given: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}
