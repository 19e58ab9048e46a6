import type { MessagePage, ParsedInput } from '../../contract'
import { countMessages, countUnread, listMessages, markRead } from '../../store/repositories/messages'
import { ActionContext, requireUser } from '../context'

/** message.list: the caller's in-app messages (站内消息), newest first, with how many are unread. */
export async function listMyMessages(ctx: ActionContext, input: ParsedInput<'message.list'>): Promise<MessagePage> {
  const user = requireUser(ctx)
  const [rows, { total, unread }] = await Promise.all([
    listMessages(ctx.db, user.id, input.limit, input.offset),
    countMessages(ctx.db, user.id),
  ])
  return {
    items: rows.map((m) => ({
      id: m.id,
      kind: m.kind,
      title: m.title,
      body: m.body,
      link: m.link,
      createdAt: m.created_at,
      read: m.read_at !== null,
    })),
    total,
    unread,
  }
}

/** message.read: marks the caller's own messages read (all, or those named). */
export async function readMessages(ctx: ActionContext, input: ParsedInput<'message.read'>): Promise<{ unread: number }> {
  const user = requireUser(ctx)
  await markRead(ctx.db, user.id, input.ids ?? 'all', ctx.clock.now())
  return { unread: await countUnread(ctx.db, user.id) }
}
