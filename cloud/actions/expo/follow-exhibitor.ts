import type { ParsedInput } from '../../contract'
import { notFound } from '../../domain/errors'
import { findExhibitorById, isFollowing, setFollow } from '../../store/repositories/exhibitions'
import { ActionContext, requireUser } from '../context'

/** expo.follow: follow an exhibitor (关注展商), or stop; the exhibitor sees followers among its leads. */
export async function followExhibitor(ctx: ActionContext, input: ParsedInput<'expo.follow'>): Promise<{ following: boolean }> {
  const user = requireUser(ctx)
  const exhibitor = await findExhibitorById(ctx.db, input.exhibitorId)
  if (!exhibitor) throw notFound('没有这个展商')
  await setFollow(ctx.db, exhibitor.id, user.id, input.on, ctx.clock.now())
  return { following: await isFollowing(ctx.db, exhibitor.id, user.id) }
}
