import type { AppealDetail } from '../contract'
import { clockChanges } from '../domain/appeal/deadlines'
import { decide, runningDeadline, stateLabel, type AppealMove, type AppealState, type Relation } from '../domain/appeal/rules'
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
import { factsOf, relationsOf } from '../access/appeal-relations'
import { loadVisibleAppeal } from '../access/appeal-access'

/**
 * Who makes a move: a signed-in person, or a county office through the link it was sent (上报),
 * which has no account. The timeline records the id (null for the county) and the role.
 */
export interface MoveActor {
  id: string | null
  role: string
  relations(appeal: AppealRow): Set<Relation>
}

export const userActor = (user: UserRow): MoveActor => ({ id: user.id, role: user.role, relations: (appeal) => relationsOf(appeal, user) })

export interface TransitionRequest {
  id: string
  /**
   * The version the caller saw; a different one means someone acted first. 'current': a move that
   * does not depend on what its maker saw (a county office's answer) takes the appeal as it finds it.
   */
  version: number | 'current'
  action: AppealMove
  /** The timeline entry; a function when it tells what was on the appeal (the date an extension granted). */
  note: string | ((appeal: AppealRow) => string)
  data?: Record<string, unknown> | ((appeal: AppealRow) => Record<string, unknown>)
  /**
   * Further columns this action sets (accepted_at, a new deadline …), given the appeal as the move
   * finds it (its clock already resumed, when the move ends a pause) and the new state.
   */
  changes?: (appeal: AppealRow, to: string, now: number) => AppealChanges
  /** Writes that belong to the same change (the members of a group resolved with their lead), in its transaction. */
  alongside?: (trx: Db, appeal: AppealRow, actor: MoveActor, now: number) => Promise<void>
}

const conflict = (appeal: AppealRow) =>
  new AppError('CONFLICT', `该诉求刚刚被他人处理过（当前状态：${stateLabel(appeal.state)}），请刷新后再试`)

export interface Move {
  action: AppealMove
  version: number
  note: string
  data?: Record<string, unknown>
  /** Columns to set, from the appeal with its clock already moved by this move, and the state it goes to. */
  changes?: AppealChanges | ((clocked: AppealRow, to: AppealState) => AppealChanges)
}

/**
 * One move of one appeal, inside a transaction the caller opened: the rules allow it for this
 * actor → nobody changed it since `version` → the clock moves if the move pauses or resumes it →
 * the new state, its running deadline, its timeline event and the notifications of those it
 * concerns are written together.
 */
export async function applyMove(trx: Db, actor: MoveActor, appeal: AppealRow, move: Move, now: number): Promise<void> {
  const verdict = decide(appeal.state, actor.relations(appeal), move.action, factsOf(appeal))
  if (!verdict.ok) throw new AppError(verdict.code, verdict.message)
  if (appeal.version !== move.version) throw conflict(appeal)
  const to = verdict.to
  // 待补充: only the enterprise's confirmation enters the pause; whatever leaves it starts the clock again.
  const clock = clockChanges(appeal.state, to, appeal, now)
  const clocked = { ...appeal, ...clock.changes } as AppealRow
  const extra = typeof move.changes === 'function' ? move.changes(clocked, to) : (move.changes ?? {})
  const merged = { ...clocked, ...extra, state: to }
  const changes: AppealChanges = {
    ...clock.changes,
    ...extra,
    state: to,
    due_at: runningDeadline(to, merged.accept_due_at, merged.close_due_at),
    updated_at: now,
  }
  // Someone else's change committed first: say what it made of the appeal, not what this one saw.
  if (!(await updateAppealIfVersion(trx, appeal, changes))) throw conflict((await findAppealById(trx, appeal.id)) ?? appeal)
  // Those it concerns are told in the same transaction: the change and its messages stand or fall together.
  const after = { ...merged, ...changes, version: appeal.version + 1 } as AppealRow
  await notifyAppealEvent(trx, after, { action: move.action, note: move.note, actorId: actor.id, key: `v${after.version}` }, now)
  await appendNextAppealEvent(trx, {
    appeal_id: appeal.id,
    actor_id: actor.id,
    actor_role: actor.role,
    action: move.action,
    from_state: appeal.state,
    to_state: to,
    note: move.note,
    data: JSON.stringify({ ...move.data, ...(clock.pausedMs !== null ? { pausedMs: clock.pausedMs } : {}) }),
    at: now,
  })
}

/** The request's move, as applyMove takes it, for the appeal as it was loaded. */
function moveOf(request: TransitionRequest, appeal: AppealRow, now: number): Move {
  return {
    action: request.action,
    version: request.version === 'current' ? appeal.version : request.version,
    note: typeof request.note === 'function' ? request.note(appeal) : request.note,
    data: typeof request.data === 'function' ? request.data(appeal) : request.data,
    changes: (clocked, to) => request.changes?.(clocked, to, now) ?? {},
  }
}

/**
 * Every change of an appeal, in a fixed order and one transaction: the caller may see it → the
 * rules allow this action from this state for this person → nobody changed it meanwhile → the new
 * state and its event (and whatever goes alongside) are written together.
 */
export async function transitionAppeal(ctx: ActionContext, request: TransitionRequest): Promise<AppealDetail> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const actor = userActor(user)
  await inTransaction(ctx.db, async (trx) => {
    const appeal = await loadVisibleAppeal(trx, user, request.id)
    await applyMove(trx, actor, appeal, moveOf(request, appeal, now), now)
    await request.alongside?.(trx, appeal, actor, now)
  })
  return loadAppealDetail(ctx, user, request.id, now, true)
}

/**
 * A move by someone without an account (a county office through its signed link), on the appeal
 * the link names: the same rules, version check, clock, event and notifications as any other.
 */
export async function transitionAppealAs(db: Db, actor: MoveActor, request: TransitionRequest, now: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const appeal = await findAppealById(trx, request.id)
    if (!appeal) throw new AppError('NOT_FOUND', '这条诉求不存在')
    await applyMove(trx, actor, appeal, moveOf(request, appeal, now), now)
    await request.alongside?.(trx, appeal, actor, now)
  })
}
