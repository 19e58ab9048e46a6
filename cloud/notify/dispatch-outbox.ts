import { HOUR } from '../domain/time-units'
import type { Logger } from '../actions/ports'
import { randomUUID } from 'node:crypto'
import type { Clock } from '../domain/clock'
import { fitField, TEMPLATES, type FieldType, type TemplateKind } from '../domain/notifications'
import type { PushOutcome, PushSender, TemplateConfig } from './push'
import type { Db } from '../store/database'
import { claimDuePushes, markLapsedSendsUncertain, settlePush, type PushSettlement } from '../store/repositories/outbox'
import { clearGrants, returnGrant, takeGrant } from '../store/repositories/subscriptions'

export interface DispatchDeps {
  db: Db
  clock: Clock
  sender: PushSender
  templates: TemplateConfig
  log: Logger
}

export interface DispatchOptions {
  /** Rows claimed per round. */
  batch?: number
  /** How long a claim is held; a row still 'sending' after it was cut off mid-send. */
  leaseMs?: number
  maxAttempts?: number
}

export interface DispatchResult {
  sent: number
  skipped: number
  retried: number
  failed: number
  uncertain: number
}

/** Waits after a transient failure: 30 s, 1 min, 2 min … at most an hour. */
export const backoffMs = (attempts: number) => Math.min(HOUR, 30_000 * 2 ** Math.max(0, attempts - 1))

/**
 * Sends what the outbox holds, once each:
 * - a row left 'sending' past its lease was cut off mid-send (a crash): WeChat's send has no
 *   idempotency key, so it may or may not have gone out; it is marked uncertain, never sent again;
 * - rows due are claimed with a token (two dispatchers never claim the same row), then for each a
 *   one-time grant is spent before sending: none left → skipped (the message centre has it anyway);
 * - sent → sent; refused for good → failed; a transient failure gives the grant back and tries
 *   again later with backoff, until maxAttempts.
 */
export async function dispatchOutbox(deps: DispatchDeps, options: DispatchOptions = {}): Promise<DispatchResult> {
  const { batch = 100, leaseMs = 60_000, maxAttempts = 6 } = options
  const result: DispatchResult = { sent: 0, skipped: 0, retried: 0, failed: 0, uncertain: 0 }
  const now = deps.clock.now()
  result.uncertain = await markLapsedSendsUncertain(deps.db, now, '发送中断，结果未知，不再重发')

  const token = randomUUID()
  const claimed = await claimDuePushes(deps.db, token, now, now + leaseMs, batch)

  const settle = (id: string, changes: PushSettlement) => settlePush(deps.db, id, token, changes)

  for (const row of claimed) {
    if (!(await takeGrant(deps.db, row.user_id, row.template, deps.clock.now()))) {
      await settle(row.id, { state: 'skipped', last_error: '未订阅或授权已用完：只进消息中心' })
      result.skipped++
      continue
    }
    const kind = row.template as TemplateKind
    const template = deps.templates[kind]
    const fields = JSON.parse(row.fields) as Record<string, string>
    const types: Record<string, FieldType> = TEMPLATES[kind].fields
    const data = Object.fromEntries(
      Object.entries(fields)
        .filter(([field]) => template.keys[field])
        .map(([field, value]) => [template.keys[field], { value: fitField(types[field], value) }]),
    )
    const outcome: PushOutcome = await deps.sender
      .send({ openid: row.openid, userId: row.user_id, templateId: template.id, page: row.page, data })
      .catch((error: unknown) => ({ ok: false, permanent: false, error: String(error) }))
    if (outcome.ok) {
      await settle(row.id, { state: 'sent', sent_at: deps.clock.now(), last_error: null })
      result.sent++
    } else if (outcome.permanent || row.attempts >= maxAttempts) {
      if (outcome.revoked) {
        await clearGrants(deps.db, row.user_id, row.template, deps.clock.now())
      }
      await settle(row.id, { state: 'failed', last_error: outcome.error })
      result.failed++
    } else {
      // Nothing reached the person: the grant is theirs again for the next attempt.
      await returnGrant(deps.db, row.user_id, row.template, deps.clock.now())
      await settle(row.id, { state: 'pending', next_attempt_at: deps.clock.now() + backoffMs(row.attempts), last_error: outcome.error })
      result.retried++
    }
  }
  if (claimed.length || result.uncertain) deps.log.info('outbox dispatched', { ...result })
  return result
}
