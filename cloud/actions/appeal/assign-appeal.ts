import type { AppealDetail, ParsedInput } from '../../contract'
import { badRequest } from '../../domain/errors'
import { findOfficerInDepartment } from '../../store/repositories/users'
import { ActionContext, requireUser } from '../context'
import { transitionAppeal } from '../../workflows/appeal-transition'

/** appeal.assign (交办): a department head gives the appeal to one of their own officers. */
export async function assignAppeal(ctx: ActionContext, input: ParsedInput<'appeal.assign'>): Promise<AppealDetail> {
  const head = requireUser(ctx)
  const officer = await findOfficerInDepartment(ctx.db, input.officerId, head.department_id)
  if (!officer) {
    throw badRequest('「承办人」(officerId)：只能交办给本部门的驻企特派员', 'officerId')
  }
  return transitionAppeal(ctx, {
    id: input.id,
    version: input.version,
    action: 'assign',
    note: [`交办给 ${officer.name}`, input.note].filter(Boolean).join('：'),
    data: { officerId: officer.id },
    changes: () => ({ handler_id: officer.id }),
  })
}
