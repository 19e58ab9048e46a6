import type { AppealDetail, ParsedInput } from '../../contract'
import { ActionContext, requireUser } from '../context'
import { loadAppealDetail } from '../../views/appeal-detail'

/** appeal.get: one appeal with its timeline, for whoever may see it. */
export async function getAppeal(ctx: ActionContext, input: ParsedInput<'appeal.get'>): Promise<AppealDetail> {
  return loadAppealDetail(ctx, requireUser(ctx), input.id, ctx.clock.now())
}
