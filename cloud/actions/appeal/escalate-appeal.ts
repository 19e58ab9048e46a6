import type { AppealDetail, ParsedInput } from '../../contract'
import { DAY } from '../../domain/time-units'
import { AppError } from '../../domain/errors'
import { newId } from '../../store/ids'
import { insertEscalation } from '../../store/repositories/appeals'
import { transitionAppeal } from '../../workflows/appeal-transition'
import type { ActionContext } from '../context'

/** How long a county office has to answer through its link. */
export const ESCALATION_LINK_DAYS = 14

/**
 * appeal.escalate (上报): what the town cannot solve goes to a county office. The handler names the
 * office and the question; the answer (detail.escalations) carries a link signed for that one
 * escalation of that one appeal, valid for 14 days, to send the county officer, who reads the
 * appeal and answers on the local host's page (cloud/server/county-routes.ts) without an account.
 * The town's clock and the handler's duty go on.
 */
export function escalateAppeal(ctx: ActionContext, input: ParsedInput<'appeal.escalate'>): Promise<AppealDetail> {
  if (!ctx.countyLinks) throw new AppError('NOT_FOUND', '本系统未开放上报链接，请通过公文上报县级部门')
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'escalateToCounty',
    note: `上报${input.office}：${input.question}`,
    data: { office: input.office },
    alongside: async (trx, appeal, actor, now) => {
      await insertEscalation(trx, {
        id: newId('esc'),
        appeal_id: appeal.id,
        office: input.office,
        question: input.question,
        asked_by: actor.id!,
        asked_at: now,
        expires_at: now + ESCALATION_LINK_DAYS * DAY,
        answered_at: null,
        answer: null,
        answered_by: null,
      })
    },
  })
}
