import { HOUR } from '../domain/time-units'
import type { Logger } from '../actions/ports'
import { randomUUID } from 'node:crypto'
import type { Clock } from '../domain/clock'
import { fitField, TEMPLATE_KINDS, TEMPLATES, type FieldType, type TemplateKind } from '../domain/notifications'
import type { PushOutcome, PushSender, TemplateConfig } from './push'
import { realSleepUntil, semaphore, sendPacer, turnsInOrder, type SendRates, type SleepUntil } from './send-pace'
import { inTransaction, type Db } from '../store/database'
import { claimDuePushes, markLapsedSendsUncertain, settlePush, settleSent, type PushSettlement } from '../store/repositories/outbox'
import { clearGrants, returnGrant, takeGrants } from '../store/repositories/subscriptions'

export interface DispatchDeps {
  db: Db
  clock: Clock
  sender: PushSender
  templates: TemplateConfig
  log: Logger
  /** How a paced send waits for its slot: real sleep unless a test moves the clock itself. */
  sleepUntil?: SleepUntil
}

export interface DispatchOptions {
  /** Rows claimed per round. */
  batch?: number
  /** How long a claim is held; a row still 'sending' after it was cut off mid-send. */
  leaseMs?: number
  maxAttempts?: number
  /** Sends in flight at once. */
  concurrency?: number
  /** Sends per second for each template (WeChat limits each template's sends); none paced unless given. */
  rates?: SendRates
}

/** The same rate for every template (PUSH_RATE_PER_SECOND); 0 paces none. */
export const sendRates = (perSecond: number): SendRates =>
  perSecond > 0 ? Object.fromEntries(TEMPLATE_KINDS.map((kind) => [kind, perSecond])) : {}

export interface DispatchResult {
  sent: number
  skipped: number
  retried: number
  failed: number
  uncertain: number
}

/**
 * Collects what became of claimed rows and writes them in transactions of many rows (the sent
 * ones in one statement), while the sends go on: at `size` rows, or once the oldest has waited
 * `maxWaitMs`, so a slowly paced round does not hold its outcomes back; `flush` writes the rest
 * and reports a write that failed.
 */
function settlementWriter(db: Db, clock: Clock, token: string, size = 200, maxWaitMs = 1_000) {
  let pending: [string, PushSettlement][] = []
  let since = 0
  let writing: Promise<void> = Promise.resolve()
  let failure: unknown = null
  const write = () => {
    const rows = pending
    pending = []
    writing = writing
      .then(() =>
        inTransaction(db, async (trx) => {
          const sent = rows.flatMap(([id, changes]) =>
            changes.state === 'sent' && changes.sent_at !== undefined ? [{ id, at: changes.sent_at }] : [],
          )
          for (let i = 0; i < sent.length; i += 250) await settleSent(trx, token, sent.slice(i, i + 250))
          for (const [id, changes] of rows) if (changes.state !== 'sent') await settlePush(trx, id, token, changes)
        }),
      )
      .catch((error: unknown) => {
        failure ??= error
      })
  }
  return {
    add(id: string, changes: PushSettlement) {
      if (pending.length === 0) since = clock.now()
      pending.push([id, changes])
      if (pending.length >= size || clock.now() - since >= maxWaitMs) write()
    },
    async flush() {
      if (pending.length) write()
      await writing
      if (failure) throw failure
    },
  }
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
 * Up to `concurrency` sends are in flight, each template paced at its rate; one person's rows go
 * one after another in the order claimed (the longest waiting first), as before.
 */
export async function dispatchOutbox(deps: DispatchDeps, options: DispatchOptions = {}): Promise<DispatchResult> {
  const { leaseMs = 60_000, maxAttempts = 6, concurrency = 16, rates = {} } = options
  // Claim no more than the slowest paced template can send in half the lease, so that no claim
  // runs out while its row still waits for a slot.
  const slowest = Math.min(...Object.values(rates).filter((r): r is number => !!r && r > 0))
  const batch = Math.max(1, Math.min(options.batch ?? 100, Number.isFinite(slowest) ? Math.floor((slowest * leaseMs) / 2_000) : Infinity))
  const result: DispatchResult = { sent: 0, skipped: 0, retried: 0, failed: 0, uncertain: 0 }
  const now = deps.clock.now()
  result.uncertain = await markLapsedSendsUncertain(deps.db, now, '发送中断，结果未知，不再重发')

  const token = randomUUID()
  const claimed = await claimDuePushes(deps.db, token, now, now + leaseMs, batch)

  // Grants are spent in claim order a batch at a time, and what became of each row is written
  // in transactions of many rows: one commit per row was most of a send's cost. A row sent but not
  // yet written when the process dies is left 'sending' and becomes uncertain, as before.
  const granted = await takeGrants(deps.db, claimed, now)
  const settlements = settlementWriter(deps.db, deps.clock, token)
  const settle = (id: string, changes: PushSettlement) => settlements.add(id, changes)
  const reserveSlot = sendPacer(deps.clock, rates)
  const sleepUntil = deps.sleepUntil ?? realSleepUntil(deps.clock)
  // Only the sends count against the concurrency: a row waiting for its template's slot holds
  // no place, so a slow template never keeps the others waiting.
  const place = semaphore(concurrency)
  // Sends start in the order claimed (the longest waiting first), as one at a time did, unless a
  // row must wait for its template's slot; the database work around them runs side by side.
  const order = turnsInOrder()

  // A person who refused a template at WeChat is sent no more of it this round (their grants are cleared).
  const revoked = new Set<string>()

  const sendOne = async (row: (typeof claimed)[number], index: number) => {
    const pass = () => order.pass(index)
    try {
      if (!granted.has(row.id) || revoked.has(`${row.user_id}:${row.template}`)) {
        pass()
        await settle(row.id, { state: 'skipped', last_error: '未订阅或授权已用完：只进消息中心' })
        result.skipped++
        return
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
      await order.turn(index)
      const slot = reserveSlot(row.template)
      if (slot > deps.clock.now()) {
        pass()
        await sleepUntil(slot)
      }
      const release = await place()
      let sending: Promise<PushOutcome>
      try {
        sending = deps.sender.send({ openid: row.openid, userId: row.user_id, templateId: template.id, page: row.page, data })
      } catch (error) {
        sending = Promise.reject(error)
      }
      pass()
      const outcome: PushOutcome = await sending
        .catch((error: unknown) => ({ ok: false as const, permanent: false, error: String(error) }))
        .finally(release)
      if (outcome.ok) {
        await settle(row.id, { state: 'sent', sent_at: deps.clock.now(), last_error: null })
        result.sent++
      } else if (outcome.permanent || row.attempts >= maxAttempts) {
        if (outcome.revoked) {
          revoked.add(`${row.user_id}:${row.template}`)
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
    } finally {
      pass()
    }
  }

  // One lane per person, in the order their first row was claimed; lanes run side by side.
  const lanes = new Map<string, typeof claimed>()
  for (const row of claimed) {
    const lane = lanes.get(row.user_id)
    if (lane) lane.push(row)
    else lanes.set(row.user_id, [row])
  }
  const indexOf = new Map(claimed.map((row, i) => [row.id, i]))
  await Promise.all(
    [...lanes.values()].map(async (rows) => {
      for (const row of rows) await sendOne(row, indexOf.get(row.id)!)
    }),
  )
  await settlements.flush()
  if (claimed.length || result.uncertain) deps.log.info('outbox dispatched', { ...result })
  return result
}

/**
 * Dispatch rounds one after another while each finds a full batch and the time budget lasts: one
 * round a tick of the timer would send at most one batch a tick.
 */
export async function drainOutbox(
  deps: DispatchDeps,
  options: DispatchOptions = {},
  budgetMs: number,
): Promise<DispatchResult & { rounds: number }> {
  const started = deps.clock.now()
  const total = { sent: 0, skipped: 0, retried: 0, failed: 0, uncertain: 0, rounds: 0 }
  for (;;) {
    const round = await dispatchOutbox(deps, options)
    total.rounds++
    for (const key of ['sent', 'skipped', 'retried', 'failed', 'uncertain'] as const) total[key] += round[key]
    const handled = round.sent + round.skipped + round.retried + round.failed
    if (handled < (options.batch ?? 100) || deps.clock.now() - started >= budgetMs) return total
  }
}
