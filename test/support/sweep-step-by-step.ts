import type { Kysely } from 'kysely'
import { nextSupervision, SUPERVISION_STEPS, sweepHorizon } from '../../cloud/domain/appeal/supervision'
import { notifyAppealEvent } from '../../cloud/notify/appeal-notifications'
import type { Database } from '../../cloud/store/database'
import {
  appendNextAppealEvent,
  findAppealById,
  findSupervisionCandidates,
  recordSupervisionLevel,
} from '../../cloud/store/repositories/appeals'

/**
 * The supervision sweep as it was before it wrote set-based: each due step's level, event and
 * notifications in turn, one statement each. Kept as the reference its rows are checked against
 * (test/cloud/sweep-batch.test.ts) and the figure the bench prints beside the sweep's.
 */
export async function sweepStepByStep(db: Kysely<Database>, now: number): Promise<number> {
  const steps = (await findSupervisionCandidates(db, sweepHorizon(now), 3)).flatMap((appeal) => {
    const level = nextSupervision({ dueAt: appeal.due_at, level: appeal.supervision_level, levelDueAt: appeal.supervised_due_at }, now)
    return level === null ? [] : [{ appeal, level }]
  })
  let stepped = 0
  for (let i = 0; i < steps.length; i += 500) {
    await db.transaction().execute(async (trx) => {
      for (const { appeal, level } of steps.slice(i, i + 500)) {
        const due = appeal.due_at as number
        if (!(await recordSupervisionLevel(trx, { ...appeal, due_at: due }, level))) continue
        const step = SUPERVISION_STEPS[level]
        await appendNextAppealEvent(trx, {
          appeal_id: appeal.id,
          actor_id: null,
          actor_role: 'system',
          action: step.action,
          from_state: appeal.state,
          to_state: appeal.state,
          note: step.note,
          data: JSON.stringify({ level, dueAt: due, notify: step.notify }),
          at: now,
        })
        const after = (await findAppealById(trx, appeal.id))!
        await notifyAppealEvent(trx, after, { action: step.action, note: step.note, actorId: null, key: `${step.action}:${due}` }, now)
        stepped++
      }
    })
  }
  return stepped
}
