import type { LateIndicators, ParsedInput } from '../../contract'
import { enterpriseScope } from '../../access/enterprise-access'
import { monthOver, readRemindWorkingDays, REMIND_WORKING_DAYS_SETTING, remindFrom } from '../../domain/ledger/report-reminder'
import { listRemindedEnterprises, listUnreported } from '../../store/repositories/ledger'
import { findTownSetting } from '../../store/repositories/town-settings'
import { reminderKey } from '../../workflows/indicator-reminders'
import type { ActionContext } from '../context'

/**
 * indicator.late: the firms the caller covers (an officer theirs, a head their department's,
 * leaders and admins the town's) with no figures for the month, and whether they were reminded.
 */
export async function lateIndicators(ctx: ActionContext, input: ParsedInput<'indicator.late'>): Promise<LateIndicators> {
  const scope = await enterpriseScope(ctx, undefined)
  const [firms, setting] = await Promise.all([
    listUnreported(ctx.db, scope, input.month),
    findTownSetting(ctx.db, REMIND_WORKING_DAYS_SETTING),
  ])
  const reminded = await listRemindedEnterprises(
    ctx.db,
    firms.map((f) => reminderKey(input.month, f.id)),
  )
  return {
    month: input.month,
    over: monthOver(input.month, ctx.clock.now()),
    remindFrom: remindFrom(input.month, readRemindWorkingDays(setting)),
    firms: firms.map((f) => ({
      enterpriseId: f.id,
      name: f.name,
      officerName: f.officer_name,
      departmentName: f.department_name,
      reminded: reminded.has(reminderKey(input.month, f.id)),
    })),
  }
}
