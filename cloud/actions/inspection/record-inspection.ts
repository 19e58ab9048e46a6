import type { InspectionView, ParsedInput } from '../../contract'
import { assessmentPeriod } from '../../domain/assessment'
import { badRequest } from '../../domain/errors'
import { findingDueAt } from '../../domain/inspection'
import { beijingDay } from '../../domain/visit/calendar'
import { notifyFindingsRecorded } from '../../notify/inspection-notifications'
import { newId } from '../../store/ids'
import { findDepartmentById } from '../../store/repositories/departments'
import { insertInspection, listDepartmentHeads, listFindings, listInspections } from '../../store/repositories/inspections'
import { inspectionView } from '../../views/inspection-view'
import { once } from '../../workflows/once'
import { type ActionContext, requireUser } from '../context'

/**
 * inspection.record: the 督查 office or a leader records a quarter's inspection of a department and
 * what it found; each finding is due 15 working days on, and the department's heads are told with
 * the record (message and push in the same transaction). Once per clientRequestId.
 */
export async function recordInspection(ctx: ActionContext, input: ParsedInput<'inspection.record'>): Promise<InspectionView> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const department = await findDepartmentById(ctx.db, input.departmentId)
  if (!department) throw badRequest('「被督查部门」(departmentId)：没有这个部门', 'departmentId')
  if (input.inspectedOn > beijingDay(now)) throw badRequest('「督查日期」(inspectedOn)：不能晚于今天', 'inspectedOn')
  if (assessmentPeriod(input.period).from > now) throw badRequest('「督查季度」(period)：还没有到这个季度', 'period')
  const inspectionId = await once(
    ctx.db,
    { userId: user.id, clientRequestId: input.clientRequestId, action: 'inspection.record', now },
    async (trx) => {
      const id = newId('insp')
      const dueAt = findingDueAt(now)
      await insertInspection(
        trx,
        {
          id,
          department_id: department.id,
          period: input.period,
          inspected_on: input.inspectedOn,
          summary: input.summary,
          inspector_id: user.id,
          created_at: now,
        },
        input.findings.map((text, i) => ({
          id: newId('find'),
          inspection_id: id,
          department_id: department.id,
          period: input.period,
          inspector_id: user.id,
          seq: i + 1,
          text,
          state: 'open',
          due_at: dueAt,
          answer: null,
          answered_by: null,
          answered_at: null,
          return_note: null,
          closed_by: null,
          closed_at: null,
          version: 0,
          created_at: now,
        })),
      )
      const heads = await listDepartmentHeads(trx, department.id)
      await notifyFindingsRecorded(
        trx,
        { id, label: `${assessmentPeriod(input.period).label}（${department.name}）`, findings: input.findings.length, dueAt },
        heads.map((h) => h.id),
        now,
      )
      return id
    },
  )
  const [row] = await listInspections(ctx.db, { ids: [inspectionId] })
  return inspectionView(row, await listFindings(ctx.db, { inspectionIds: [inspectionId] }), user, now)
}
