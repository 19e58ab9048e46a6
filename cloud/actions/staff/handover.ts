import type { HandoverResult, ParsedInput } from '../../contract'
import { badRequest } from '../../domain/errors'
import { handoverProblem } from '../../domain/onboarding/staff'
import { loadManagedStaff } from '../../access/staff-access'
import { inTransaction } from '../../store/database'
import { listEnterprisesOfOfficer } from '../../store/repositories/enterprises'
import { recordAudit } from '../../workflows/audit'
import { moveWork } from '../../workflows/handover'
import { ActionContext, requireUser } from '../context'

/**
 * staff.handover (交接): an officer leaves or moves; their enterprises, every open appeal they hold,
 * the visits ahead and the plans that go with the enterprises move to the successor in one
 * transaction, each appeal with its timeline event and everyone concerned told.
 */
export async function handOver(ctx: ActionContext, input: ParsedInput<'staff.handover'>): Promise<HandoverResult> {
  const manager = requireUser(ctx)
  const now = ctx.clock.now()
  const from = await loadManagedStaff(ctx.db, manager, input.fromId)
  const to = await loadManagedStaff(ctx.db, manager, input.toId)
  const problem = handoverProblem(from, { id: to.id, role: to.role, active: to.deactivated_at === null })
  if (problem) throw badRequest(`「接任人」(toId)：${problem}`, 'toId')
  const moved = await inTransaction(ctx.db, async (trx) => {
    const enterprises = await listEnterprisesOfOfficer(trx, from.id)
    const work = await moveWork(trx, manager, { successor: to, enterprises, everythingOf: from, reason: '交接' }, now)
    await recordAudit(
      trx,
      manager,
      [
        {
          entity: 'staff',
          entityId: from.id,
          action: 'handover',
          summary: `${from.name} 交接给 ${to.name}：${work.enterprises} 家企业、${work.appeals} 件在办诉求、${work.visits} 次走访${input.note ? `（${input.note}）` : ''}`,
          after: { toId: to.id, ...work },
        },
      ],
      now,
    )
    return work
  })
  ctx.log.info('handover', { from: from.id, to: to.id, ...moved })
  return { from: { id: from.id, name: from.name }, to: { id: to.id, name: to.name }, ...moved }
}
