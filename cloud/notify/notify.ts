import { newId } from '../store/ids'
import type { TemplateKind } from '../domain/notifications'
import type { Db } from '../store/database'
import { insertMessagesWithPushes } from '../store/repositories/messages'

/** Something a person must learn: an in-app message, and the push that carries it. */
export interface Notification {
  userId: string
  /** What happened, e.g. 'appeal.accept' or 'policy.published'. */
  kind: string
  title: string
  body: string
  /** The page the message opens. */
  link: string
  /** The same event never tells the same person twice. */
  dedupeKey: string
  template: TemplateKind
  /** Our values for the template's fields, cut to their limits when sent. */
  fields: Record<string, string>
}

/**
 * Writes notifications inside the caller's transaction: the message centre gets each exactly once
 * (the dedupe key), and each new message gets an outbox row for the dispatcher to push. A change
 * that rolls back leaves neither. Answers how many people were told now.
 */
export async function notify(trx: Db, notifications: Notification[], now: number): Promise<number> {
  let told = 0
  // In slices: a policy for every enterprise of a county is tens of thousands of rows.
  for (let i = 0; i < notifications.length; i += 400) {
    const slice = notifications.slice(i, i + 400)
    told += await insertMessagesWithPushes(
      trx,
      slice.map((n) => {
        const message = {
          id: newId('msg'),
          user_id: n.userId,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          dedupe_key: n.dedupeKey,
          created_at: now,
          read_at: null,
        }
        return { message, push: { id: newId('ob'), template: n.template, fields: JSON.stringify(n.fields), page: n.link } }
      }),
      now,
    )
  }
  return told
}
