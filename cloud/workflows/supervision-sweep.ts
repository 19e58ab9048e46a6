import type { Logger } from '../actions/ports'
import { autoCloseBefore, type DeadlineConfig } from '../domain/appeal/deadlines'
import { decide } from '../domain/appeal/rules'
import { DEFAULT_SUPERVISION, nextSupervision, SUPERVISION_STEPS, sweepHorizon, type SupervisionConfig } from '../domain/appeal/supervision'
import type { Clock } from '../domain/clock'
import type { VisitFrequency } from '../domain/visit/periods'
import { inTransaction, type Db } from '../store/database'
import {
  appendNextAppealEvent,
  appendNextAppealEvents,
  findSupervisionCandidates,
  findUnratedSince,
  recordSupervisionLevels,
  updateAppealIfVersion,
} from '../store/repositories/appeals'
import { foldDueHours } from '../store/repositories/appeal-due-hours'
import { foldInboxCounts } from '../store/repositories/appeal-inbox-counts'
import { notifyAppealEvents } from '../notify/appeal-notifications'
import { remindUnreported } from './indicator-reminders'
import { sweepVisits, type VisitSweepResult } from './visit-reminders'

export interface SweepResult {
  /** Appeals whose deadline fell inside the window and whose level could still climb. */
  checked: number
  /** Appeals that took a step now (a reminder or an escalation). */
  stepped: number
  /** Resolved appeals closed because nobody rated them within a week. */
  closed: number
  /** Tomorrow's visits reminded, and people told they are behind on their visits. */
  visits: VisitSweepResult
  /** Owners reminded at the month's end to report its figures (企业运行监测). */
  indicatorsReminded: number
}

const BATCH = 500
/** Batches written at once: each holds a connection of the pool (2 on a cloud-function instance). */
const LANES = 2

/**
 * The supervision sweep (督办): run on a timer (CloudBase trigger, the local host's interval) and as
 * `npm run sweep`. Each step and its timeline event are written together; a step already taken is
 * not taken again, so two sweeps at once, or one run twice, change nothing twice.
 */
export async function sweepAppeals(
  deps: { db: Db; clock: Clock; deadlines: DeadlineConfig; log: Logger; visitFrequency?: VisitFrequency },
  config: SupervisionConfig = DEFAULT_SUPERVISION,
): Promise<SweepResult> {
  const now = deps.clock.now()
  const candidates = await findSupervisionCandidates(deps.db, sweepHorizon(now, config), 3)
  const steps = candidates
    .map((appeal) => ({
      appeal,
      level: nextSupervision({ dueAt: appeal.due_at, level: appeal.supervision_level, levelDueAt: appeal.supervised_due_at }, now, config),
    }))
    .filter((s): s is { appeal: (typeof candidates)[number]; level: 1 | 2 | 3 } => s.level !== null)

  let stepped = 0
  const batches = Array.from({ length: Math.ceil(steps.length / BATCH) }, (_, b) => steps.slice(b * BATCH, (b + 1) * BATCH))
  // Set-based: a batch's levels, events and notifications each in a few statements, so that ten
  // thousand due steps are not ten thousand round trips of each kind. Batches touch disjoint
  // appeals, so LANES of them run side by side on PostgreSQL (SQLite's one connection takes them in turn).
  const runBatch = (batch: typeof steps) =>
    inTransaction(deps.db, async (trx) => {
      const taken = await recordSupervisionLevels(
        trx,
        batch.map(({ appeal, level }) => ({ ...appeal, due_at: appeal.due_at as number, level })),
      )
      const after = new Map(taken.map((row) => [row.id, row]))
      const done = batch.filter(({ appeal }) => after.has(appeal.id))
      if (done.length === 0) return
      await appendNextAppealEvents(
        trx,
        done.map(({ appeal, level }) => {
          const step = SUPERVISION_STEPS[level]
          return systemEvent(appeal, step.action, appeal.state, step.note, { level, dueAt: appeal.due_at, notify: step.notify }, now)
        }),
      )
      await notifyAppealEvents(
        trx,
        done.map(({ appeal, level }) => {
          const step = SUPERVISION_STEPS[level]
          return {
            appeal: after.get(appeal.id)!,
            event: { action: step.action, note: step.note, actorId: null, key: `${step.action}:${appeal.due_at}` },
          }
        }),
        now,
      )
      stepped += done.length
    })
  // A lane stops at its first failure; the other finishes its batches (each stands alone) before it is reported.
  const lanes = await Promise.allSettled(
    Array.from({ length: LANES }, async (_, lane) => {
      for (let b = lane; b < batches.length; b += LANES) await runBatch(batches[b])
    }),
  )
  for (const lane of lanes) if (lane.status === 'rejected') throw lane.reason
  const closed = await closeUnrated(deps, now)
  // Housekeeping: the overdue total and the inbox counts sum kept additions, so those are folded.
  await foldDueHours(deps.db)
  await foldInboxCounts(deps.db, now)
  // The same timer keeps visits on schedule: one trigger on CloudBase, one interval locally.
  const visits = await sweepVisits(deps)
  const indicatorsReminded = await remindUnreported(deps)
  if (stepped > 0 || closed > 0 || visits.reminded > 0 || visits.behind > 0 || indicatorsReminded > 0)
    deps.log.info('supervision sweep', { checked: candidates.length, stepped, closed, ...visits, indicatorsReminded })
  return { checked: candidates.length, stepped, closed, visits, indicatorsReminded }
}

/** A timeline entry the sweep writes, with 系统 as the actor. */
function systemEvent(
  appeal: { id: string; state: string },
  action: string,
  toState: string,
  note: string,
  data: Record<string, unknown>,
  at: number,
) {
  return {
    appeal_id: appeal.id,
    actor_id: null,
    actor_role: 'system',
    action,
    from_state: appeal.state,
    to_state: toState,
    note,
    data: JSON.stringify(data),
    at,
  }
}

/** A resolved appeal not rated within a week closes by itself, through the same rules and version check. */
async function closeUnrated(deps: { db: Db; deadlines: DeadlineConfig }, now: number): Promise<number> {
  let closed = 0
  for (const appeal of await findUnratedSince(deps.db, autoCloseBefore(now, deps.deadlines))) {
    const verdict = decide(appeal.state, new Set(['system']), 'autoClose')
    if (!verdict.ok) continue
    await inTransaction(deps.db, async (trx) => {
      // A rating that arrived meanwhile wins: the version no longer matches and nothing is written.
      if (!(await updateAppealIfVersion(trx, appeal, { state: verdict.to, closed_at: now, due_at: null, updated_at: now }))) return
      await appendNextAppealEvent(
        trx,
        systemEvent(appeal, 'autoClose', verdict.to, `办结后 ${deps.deadlines.autoCloseDays} 日内未评价，系统自动关闭`, {}, now),
      )
      closed++
    })
  }
  return closed
}
