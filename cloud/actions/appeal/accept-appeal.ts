import type { AppealDetail, ParsedInput } from '../../contract'
import { chosenCloseDeadline } from '../../domain/appeal/deadlines'
import { publicSummaryProblem } from '../../domain/appeal/public-summary'
import { badRequest } from '../../domain/errors'
import { findEnterpriseById } from '../../store/repositories/enterprises'
import { ActionContext } from '../context'
import { transitionAppeal } from '../../workflows/appeal-transition'

/**
 * appeal.accept (受理): the handler takes it on and writes its public summary (公开摘要). A complex
 * appeal (a later close date asked for) is taken on all the same, the response counts now, but its
 * longer deadline is an extension the head of the department approves: it waits as 延期审批中 with
 * the general deadline running, and the reason is in the enterprise's timeline and message.
 */
export async function acceptAppeal(ctx: ActionContext, input: ParsedInput<'appeal.accept'>): Promise<AppealDetail> {
  const complex = input.closeBy !== undefined
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: complex ? 'acceptComplex' : 'accept',
    note: complex ? [`复杂诉求，申请办结期限延至 ${input.closeBy}：${input.reason}`, input.note].filter(Boolean).join('\n') : input.note,
    data: { publicSummary: input.publicSummary, ...(complex ? { closeBy: input.closeBy, reason: input.reason } : {}) },
    changes: (appeal, _to, now) => ({
      accepted_at: now,
      responded_at: appeal.responded_at ?? now,
      public_summary: input.publicSummary,
      ...(complex
        ? { complexity: 'complex_pending', requested_due_at: chosenCloseDeadline(input.closeBy!, now, ctx.deadlines, appeal.close_due_at) }
        : {}),
    }),
    alongside: async (trx, appeal) => {
      const enterprise = await findEnterpriseById(trx, appeal.enterprise_id)
      const problem = publicSummaryProblem(input.publicSummary, {
        contactName: appeal.contact_name,
        enterpriseName: enterprise?.name ?? '',
      })
      if (problem) throw badRequest(`「公开摘要」(publicSummary)：${problem}`, 'publicSummary')
    },
  })
}
