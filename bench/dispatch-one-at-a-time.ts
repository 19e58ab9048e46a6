import { randomUUID } from 'node:crypto'
import { fitField, TEMPLATES, type FieldType, type TemplateKind } from '../cloud/domain/notifications'
import { backoffMs, type DispatchDeps, type DispatchResult } from '../cloud/notify/dispatch-outbox'
import type { PushOutcome } from '../cloud/notify/push'
import { claimDuePushes, markLapsedSendsUncertain, settlePush } from '../cloud/store/repositories/outbox'
import { clearGrants, returnGrant, takeGrant } from '../cloud/store/repositories/subscriptions'

/**
 * The outbox dispatcher as it was before it sent in parallel: each claimed row in turn, its grant
 * taken and its outcome written one statement (and one commit) at a time. Kept for the bench to
 * print beside the dispatcher's figure.
 */
export async function dispatchOneAtATime(deps: DispatchDeps, batch: number, leaseMs = 60_000, maxAttempts = 6): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, skipped: 0, retried: 0, failed: 0, uncertain: 0 }
  const now = deps.clock.now()
  result.uncertain = await markLapsedSendsUncertain(deps.db, now, '发送中断，结果未知，不再重发')
  const token = randomUUID()
  const claimed = await claimDuePushes(deps.db, token, now, now + leaseMs, batch)
  for (const row of claimed) {
    if (!(await takeGrant(deps.db, row.user_id, row.template, deps.clock.now()))) {
      await settlePush(deps.db, row.id, token, { state: 'skipped', last_error: '未订阅或授权已用完：只进消息中心' })
      result.skipped++
      continue
    }
    const kind = row.template as TemplateKind
    const template = deps.templates[kind]
    const types: Record<string, FieldType> = TEMPLATES[kind].fields
    const data = Object.fromEntries(
      Object.entries(JSON.parse(row.fields) as Record<string, string>)
        .filter(([field]) => template.keys[field])
        .map(([field, value]) => [template.keys[field], { value: fitField(types[field], value) }]),
    )
    const outcome: PushOutcome = await deps.sender
      .send({ openid: row.openid, userId: row.user_id, templateId: template.id, page: row.page, data })
      .catch((error: unknown) => ({ ok: false, permanent: false, error: String(error) }))
    if (outcome.ok) {
      await settlePush(deps.db, row.id, token, { state: 'sent', sent_at: deps.clock.now(), last_error: null })
      result.sent++
    } else if (outcome.permanent || row.attempts >= maxAttempts) {
      if (outcome.revoked) await clearGrants(deps.db, row.user_id, row.template, deps.clock.now())
      await settlePush(deps.db, row.id, token, { state: 'failed', last_error: outcome.error })
      result.failed++
    } else {
      await returnGrant(deps.db, row.user_id, row.template, deps.clock.now())
      await settlePush(deps.db, row.id, token, {
        state: 'pending',
        next_attempt_at: deps.clock.now() + backoffMs(row.attempts),
        last_error: outcome.error,
      })
      result.retried++
    }
  }
  return result
}
