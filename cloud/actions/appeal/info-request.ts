import type { AppealDetail, ParsedInput } from '../../contract'
import { HOUR } from '../../domain/time-units'
import { badRequest } from '../../domain/errors'
import type { Db } from '../../store/database'
import { attachUploads } from '../../store/repositories/uploads'
import { requireUser, type ActionContext } from '../context'
import { transitionAppeal } from '../../workflows/appeal-transition'

const hours = (ms: number) => `${Math.round((ms / HOUR) * 10) / 10} 小时`

/** Attaches the owner's own uploads to the appeal in the move's transaction, or refuses the whole move. */
function attaching(ctx: ActionContext, ids: string[]) {
  const user = requireUser(ctx)
  return async (trx: Db, appeal: { id: string }) => {
    const attached = await attachUploads(trx, user.id, appeal.id, ids)
    if (attached !== ids.length) throw badRequest('「附件」(attachmentIds)：有附件不存在或已被使用，请重新上传', 'attachmentIds')
  }
}

/**
 * appeal.requestInfo (待补充): the handler asks the enterprise for information or documents. The
 * enterprise sees what is asked; the clock keeps running until it confirms it was asked.
 */
export function requestInfo(ctx: ActionContext, input: ParsedInput<'appeal.requestInfo'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'requestInfo',
    note: input.request,
    data: { request: input.request },
    changes: () => ({ info_request: input.request }),
  })
}

/** appeal.confirmInfoRequest: the enterprise confirms it was asked; from now the clock stands still. */
export function confirmInfoRequest(ctx: ActionContext, input: ParsedInput<'appeal.confirmInfoRequest'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'confirmInfoRequest',
    note: '企业确认需要补充，办理计时暂停',
  })
}

/**
 * appeal.supplyInfo: the enterprise answers, with documents if it has them; the clock resumes with
 * the time that was left, and the timeline says how long it stood still.
 */
export function supplyInfo(ctx: ActionContext, input: ParsedInput<'appeal.supplyInfo'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'supplyInfo',
    note: (appeal) =>
      appeal.paused_at !== null ? `${input.note}\n（计时暂停 ${hours(ctx.clock.now() - appeal.paused_at)}，已恢复计时）` : input.note,
    data: { attachments: input.attachmentIds.length },
    changes: () => ({ info_request: null }),
    alongside: attaching(ctx, input.attachmentIds),
  })
}

/** appeal.cancelInfoRequest: the handler no longer needs what was asked; the clock resumes. */
export function cancelInfoRequest(ctx: ActionContext, input: ParsedInput<'appeal.cancelInfoRequest'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'cancelInfoRequest',
    note: input.note || '不再需要补充，恢复计时',
    changes: () => ({ info_request: null }),
  })
}

/** appeal.addInfo (补充说明): the enterprise adds to an open appeal, with documents if it has them. */
export function addInfo(ctx: ActionContext, input: ParsedInput<'appeal.addInfo'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'addInfo',
    note: input.note,
    data: { attachments: input.attachmentIds.length },
    alongside: attaching(ctx, input.attachmentIds),
  })
}

/**
 * appeal.withdraw (撤回): the enterprise takes its appeal back, with the reason. One withdrawn after
 * its deadline had passed still counts as not handled on time.
 */
export function withdrawAppeal(ctx: ActionContext, input: ParsedInput<'appeal.withdraw'>): Promise<AppealDetail> {
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'withdraw',
    note: input.reason,
    data: { reason: input.reason },
    changes: (appeal, _to, now) => {
      // The deadline it was under, with any pause already given back (the clock resumed with this move).
      const due = appeal.state === 'submitted' ? appeal.accept_due_at : appeal.state === 'return_review' ? null : appeal.close_due_at
      return {
        closed_at: now,
        info_request: null,
        requested_due_at: null,
        withdrawn_late: due !== null && due < now ? 1 : 0,
        // A return no longer waits for review once the enterprise takes its appeal back.
        ...(appeal.return_outcome === 'pending' ? { return_outcome: 'withdrawn' } : {}),
      }
    },
  })
}
