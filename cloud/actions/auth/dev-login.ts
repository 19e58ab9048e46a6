import type { DevLoginResult, ParsedInput } from '../../contract'
import { AppError, forbidden, notFound } from '../../domain/errors'
import { callerFromOpenid, WECHAT_SUBJECT } from '../../app/identity'
import { findUserById } from '../../store/repositories/users'
import { ActionContext } from '../context'
import { loadMe } from './get-me'

/**
 * auth.devLogin: a signed token for a person of the store, or for a WeChat identity by OPENID, as
 * the cloud function sees its callers (one seen for the first time becomes a guest). The router
 * only exposes it on a dev host. A closed account cannot sign in.
 */
export async function devLogin(ctx: ActionContext, input: ParsedInput<'auth.devLogin'>): Promise<DevLoginResult> {
  if (!ctx.devTokens) throw new AppError('NOT_FOUND', '此环境不提供演示登录')
  if (input.openid) {
    const caller = await callerFromOpenid(ctx.db, ctx.clock, input.openid)
    if (caller.kind !== 'user') throw forbidden('这个微信身份的账号已停用')
    const { token, expiresAt } = await ctx.devTokens.issue(`${WECHAT_SUBJECT}${input.openid}`)
    return { token, expiresAt, me: await loadMe(ctx, caller.user) }
  }
  const user = await findUserById(ctx.db, input.userId!)
  if (!user) throw notFound('没有这个演示用户')
  if (user.deactivated_at !== null) throw forbidden('这个账号已停用，不能登录')
  const { token, expiresAt } = await ctx.devTokens.issue(user.id)
  return { token, expiresAt, me: await loadMe(ctx, user) }
}
