import type { ActionContext } from '../../app/context'
import { requireUser } from '../../app/context'
import type { EnterpriseFile, MilestoneView, ParsedInput, PersonContact } from '../../contract'
import { stateLabel } from '../../domain/appeal/rules'
import { AppError, badRequest, forbidden, notFound } from '../../domain/errors'
import { newId } from '../../domain/ids'
import { beijingDay } from '../../domain/visit/calendar'
import { findDepartmentById } from '../../store/repositories/departments'
import { findEnterpriseById, type EnterpriseRow } from '../../store/repositories/enterprises'
import { findUsersByIds, type UserRow } from '../../store/repositories/users'
import { findMilestoneById, listMilestones, listVisits, type MilestoneRow } from '../../store/repositories/visits'
import { coversEnterprise } from '../visit/visit-access'
import { toVisitViews } from '../visit/visit-view'
import dayjs from 'dayjs'

/** Leaders and admins keep the assignments (五个一) and the plan; the enterprise's department head keeps its plan too. */
function canManage(user: UserRow, enterprise: EnterpriseRow): boolean {
  return user.role === 'admin' || user.role === 'leader' || (user.role === 'dept_head' && user.department_id === enterprise.department_id)
}

/** A milestone is tracked like a deadline: due within a week is near, past its day is overdue. */
export function milestoneStatus(row: Pick<MilestoneRow, 'due_on' | 'done_at'>, today: string): MilestoneView['status'] {
  if (row.done_at !== null) return 'done'
  if (row.due_on < today) return 'overdue'
  return dayjs(row.due_on).diff(dayjs(today), 'day') <= 7 ? 'due_soon' : 'open'
}

async function loadFileEnterprise(ctx: ActionContext, enterpriseId: string | undefined): Promise<{ user: UserRow; enterprise: EnterpriseRow }> {
  const user = requireUser(ctx)
  // An owner's file is their own enterprise's; staff name the enterprise.
  const id = user.role === 'owner' ? (enterpriseId ?? user.enterprise_id) : enterpriseId
  if (!id) throw badRequest('「企业」(enterpriseId)：请指明企业', 'enterpriseId')
  const enterprise = await findEnterpriseById(ctx.db, id)
  // Someone else's enterprise answers like a missing one.
  const mine = enterprise !== undefined && (user.role === 'owner' ? id === user.enterprise_id : coversEnterprise(user, enterprise))
  if (!enterprise || !mine) throw notFound('没有这家企业，或它不在您的包联范围内')
  return { user, enterprise }
}

/** enterprise.file (一企一档): the five ones, the plan's milestones, and the history of appeals and visits. */
export async function enterpriseFile(ctx: ActionContext, input: ParsedInput<'enterprise.file'>): Promise<EnterpriseFile> {
  const { user, enterprise } = await loadFileEnterprise(ctx, input.enterpriseId)
  const today = beijingDay(ctx.clock.now())
  const heads = enterprise.department_id ? await ctx.db.selectFrom('users').selectAll().where('role', '=', 'dept_head').where('department_id', '=', enterprise.department_id).execute() : []
  const people = await findUsersByIds(ctx.db, [enterprise.officer_id, enterprise.leader_id].filter((id): id is string => id !== null))
  const contact = (person: UserRow | undefined): PersonContact | null => (person ? { id: person.id, name: person.name, title: person.title, phone: person.phone } : null)
  const department = enterprise.department_id ? await findDepartmentById(ctx.db, enterprise.department_id) : undefined
  const appeals = await ctx.db
    .selectFrom('appeals')
    .select(['id', 'title', 'state', 'submitted_at', 'source'])
    .where('enterprise_id', '=', enterprise.id)
    .orderBy('submitted_at', 'desc')
    .limit(30)
    .execute()
  const visits = await listVisits(ctx.db, { enterpriseId: enterprise.id }, 'all', today, 30, 0)
  return {
    enterprise: { id: enterprise.id, name: enterprise.name, creditCode: enterprise.credit_code, industry: enterprise.industry, kind: enterprise.kind, park: enterprise.park, address: enterprise.address, legalPerson: enterprise.legal_person },
    leader: contact(people.find((p) => p.id === enterprise.leader_id)),
    department: department ? { id: department.id, name: department.name } : null,
    departmentHead: contact(heads[0]),
    team: enterprise.team,
    officer: contact(people.find((p) => p.id === enterprise.officer_id)),
    plan: (await listMilestones(ctx.db, enterprise.id)).map((m) => ({ id: m.id, title: m.title, dueOn: m.due_on, doneAt: m.done_at, note: m.note, status: milestoneStatus(m, today) })),
    appeals: appeals.map((a) => ({ id: a.id, title: a.title, state: a.state, stateLabel: stateLabel(a.state), submittedAt: a.submitted_at, source: a.source })),
    visits: await toVisitViews(ctx, user, visits.rows),
    checkinCode: user.role === 'owner' || user.role === 'admin' ? enterprise.checkin_code : null,
    canManage: canManage(user, enterprise),
  }
}

/** enterprise.assign: a leader or admin changes who covers an enterprise. */
export async function assignEnterprise(ctx: ActionContext, input: ParsedInput<'enterprise.assign'>): Promise<EnterpriseFile> {
  const { user, enterprise } = await loadFileEnterprise(ctx, input.enterpriseId)
  if (!canManage(user, enterprise) || user.role === 'dept_head') throw forbidden('只有领导和管理员可以调整包联安排')
  const named = await findUsersByIds(ctx.db, [input.officerId, input.leaderId].filter((id): id is string => id !== undefined))
  if (input.officerId && named.find((u) => u.id === input.officerId)?.role !== 'officer') throw badRequest('「驻企特派员」(officerId)：请选择一名驻企特派员', 'officerId')
  if (input.leaderId && named.find((u) => u.id === input.leaderId)?.role !== 'leader') throw badRequest('「包抓领导」(leaderId)：请选择一名包抓领导', 'leaderId')
  if (input.departmentId && !(await findDepartmentById(ctx.db, input.departmentId))) throw badRequest('「包抓部门」(departmentId)：没有这个部门', 'departmentId')
  const changes = {
    ...(input.officerId && { officer_id: input.officerId }),
    ...(input.leaderId && { leader_id: input.leaderId }),
    ...(input.departmentId && { department_id: input.departmentId }),
    ...(input.team && { team: input.team }),
  }
  // An update with nothing to set is not SQL at all.
  if (Object.keys(changes).length === 0) throw badRequest('「驻企特派员」(officerId)：请至少调整驻企特派员、包抓部门、包抓领导或帮扶团队中的一项', 'officerId')
  await ctx.db.updateTable('enterprises').set(changes).where('id', '=', enterprise.id).execute()
  ctx.log.info('enterprise assigned', { enterpriseId: enterprise.id, by: user.id })
  return enterpriseFile(ctx, { enterpriseId: enterprise.id })
}

/** plan.saveMilestone: adds or changes a milestone of the enterprise's plan (一企一策). */
export async function saveMilestone(ctx: ActionContext, input: ParsedInput<'plan.saveMilestone'>): Promise<EnterpriseFile> {
  const { user, enterprise } = await loadFileEnterprise(ctx, input.enterpriseId)
  if (!canManage(user, enterprise)) throw forbidden('只有领导、管理员和包抓部门负责人可以制定帮扶方案')
  const now = ctx.clock.now()
  if (input.id) {
    const existing = await findMilestoneById(ctx.db, input.id)
    if (!existing || existing.enterprise_id !== enterprise.id) throw notFound('没有这个节点')
    await ctx.db.updateTable('plan_milestones').set({ title: input.title, due_on: input.dueOn, updated_at: now }).where('id', '=', input.id).execute()
  } else {
    await ctx.db
      .insertInto('plan_milestones')
      .values({ id: newId('ms'), enterprise_id: enterprise.id, title: input.title, due_on: input.dueOn, done_at: null, note: '', created_by: user.id, created_at: now, updated_at: now })
      .execute()
  }
  return enterpriseFile(ctx, { enterpriseId: enterprise.id })
}

/** plan.completeMilestone: the officer, head, leader or admin marks a milestone done, with how. */
export async function completeMilestone(ctx: ActionContext, input: ParsedInput<'plan.completeMilestone'>): Promise<EnterpriseFile> {
  const milestone = await findMilestoneById(ctx.db, input.id)
  if (!milestone) throw notFound('没有这个节点')
  const { enterprise } = await loadFileEnterprise(ctx, milestone.enterprise_id)
  if (milestone.done_at !== null) throw new AppError('CONFLICT', '这个节点已经完成')
  const now = ctx.clock.now()
  await ctx.db.updateTable('plan_milestones').set({ done_at: now, note: input.note, updated_at: now }).where('id', '=', milestone.id).where('done_at', 'is', null).execute()
  return enterpriseFile(ctx, { enterpriseId: enterprise.id })
}
