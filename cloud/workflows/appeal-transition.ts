import type { AppealDetail } from '../contract'
import { runningDeadline, stateLabel, type AppealMove } from '../domain/appeal/rules'
import { AppError } from '../domain/errors'
import { inTransaction, type Db } from '../store/database'
import {
  appendNextAppealEvent,
  findAppealById,
  updateAppealIfVersion,
  type AppealChanges,
  type AppealRow,
} from '../store/repositories/appeals'
import type { UserRow } from '../store/repositories/users'
import { ActionContext, requireUser } from '../actions/context'
import { notifyAppealEvent } from '../notify/appeal-notifications'
import { loadAppealDetail } from '../views/appeal-detail'
import { decideFor, type RelationContext } from '../access/appeal-relations'
import { loadVisibleAppeal } from '../access/appeal-access'

export interface TransitionRequest {
  id: string
  /** The version the caller saw; a different one means someone acted first. */
  version: number
  action: AppealMove
  /** The timeline entry; a function when it tells what was on the appeal (the date an extension granted). */
  note: string | ((appeal: AppealRow) => string)
  data?: Record<string, unknown> | ((appeal: AppealRow) => Record<string, unknown>)
  /** Further columns this action sets (accepted_at, a new deadline …), given the appeal and the new state. */
  changes?: (appeal: AppealRow, to: string, now: number) => AppealChanges
  /** Writes that belong to the same change (the members of a group resolved with their lead), in its transaction. */
  alongside?: (trx: Db, appeal: AppealRow, user: UserRow, now: number) => Promise<void>
}

const conflict = (appeal: AppealRow) =>
  new AppError('CONFLICT', `该诉求刚刚被他人处理过（当前状态：${stateLabel(appeal.state)}），请刷新后再试`)

/**
 * One move of one appeal the caller may see, inside a transaction the caller opened: the rules
 * allow it for this person → nobody changed it since `version` → the new state, its running
 * deadline, its timeline event and the notifications of those it concerns are written together.
 */
export async function applyMove(
  trx: Db,
  user: UserRow,
  appeal: AppealRow,
  move: {
    action: AppealMove
    version: number
    note: string
    data?: Record<string, unknown>
    changes?: AppealChanges
    /** What the rules need beyond the rows (the handler's department, for a handover). */
    context?: RelationContext
  },
  now: number,
): Promise<void> {
  const verdict = decideFor(appeal, user, move.action, move.context)
  if (!verdict.ok) throw new AppError(verdict.code, verdict.message)
  if (appeal.version !== move.version) throw conflict(appeal)
  const to = verdict.to
  const extra = move.changes ?? {}
  const merged = { ...appeal, ...extra, state: to }
  const changes: AppealChanges = {
    ...extra,
    state: to,
    due_at: runningDeadline(to, merged.accept_due_at, merged.close_due_at),
    updated_at: now,
  }
  // Someone else's change committed first: say what it made of the appeal, not what this one saw.
  if (!(await updateAppealIfVersion(trx, appeal.id, appeal.version, changes)))
    throw conflict((await findAppealById(trx, appeal.id)) ?? appeal)
  // Those it concerns are told in the same transaction: the change and its messages stand or fall together.
  const after = { ...merged, ...changes, version: appeal.version + 1 } as AppealRow
  await notifyAppealEvent(trx, after, { action: move.action, note: move.note, actorId: user.id, key: `v${after.version}` }, now)
  await appendNextAppealEvent(trx, {
    appeal_id: appeal.id,
    actor_id: user.id,
    actor_role: user.role,
    action: move.action,
    from_state: appeal.state,
    to_state: to,
    note: move.note,
    data: JSON.stringify(move.data ?? {}),
    at: now,
  })
}

/**
 * Every change of an appeal, in a fixed order and one transaction: the caller may see it → the
 * rules allow this action from this state for this person → nobody changed it meanwhile → the new
 * state and its event (and whatever goes alongside) are written together.
 */
export async function transitionAppeal(ctx: ActionContext, request: TransitionRequest): Promise<AppealDetail> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (trx) => {
    const appeal = await loadVisibleAppeal(trx, user, request.id)
    const verdict = decideFor(appeal, user, request.action)
    if (!verdict.ok) throw new AppError(verdict.code, verdict.message)
    if (appeal.version !== request.version) throw conflict(appeal)
    await applyMove(
      trx,
      user,
      appeal,
      {
        action: request.action,
        version: request.version,
        note: typeof request.note === 'function' ? request.note(appeal) : request.note,
        data: typeof request.data === 'function' ? request.data(appeal) : request.data,
        changes: request.changes?.(appeal, verdict.to, now),
      },
      now,
    )
    await request.alongside?.(trx, appeal, user, now)
  })
  return loadAppealDetail(ctx, user, request.id, now, true)
}
