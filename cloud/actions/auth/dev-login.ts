import type { DevLoginResult, ParsedInput } from '../../contract'
import { AppError, notFound } from '../../domain/errors'
import { findUserById } from '../../store/repositories/users'
import { ActionContext } from '../context'
import { loadMe } from './get-me'

/** auth.devLogin: a signed token for a seeded user. The router only exposes it on a dev host. */
export async function devLogin(ctx: ActionContext, input: ParsedInput<'auth.devLogin'>): Promise<DevLoginResult> {
  if (!ctx.devTokens) throw new AppError('NOT_FOUND', '此环境不提供演示登录')
  const user = await findUserById(ctx.db, input.userId)
  if (!user) throw notFound('没有这个演示用户')
  const { token, expiresAt } = await ctx.devTokens.issue(user.id)
  return { token, expiresAt, me: await loadMe(ctx, user) }
}
