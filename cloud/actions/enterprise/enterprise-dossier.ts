import type { EnterpriseDossier, ParsedInput, PersonContact } from '../../contract'
import { stateLabel } from '../../domain/appeal/rules'
import { canViewAppeal, seesIdentity } from '../../domain/appeal/visibility'
import { beijingDay } from '../../domain/visit/calendar'
import { listLatestAppealsOf } from '../../store/repositories/appeals'
import { findDepartmentById } from '../../store/repositories/departments'
import { findUsersByIds, listDepartmentHeads, type UserRow } from '../../store/repositories/users'
import { listMilestones, listVisits } from '../../store/repositories/visits'
import { toVisitViews } from '../../views/visit-view'

import { goalProgress, goalStatus, milestoneStatus } from '../../domain/plan'
import { listGoals, listTeamMembers } from '../../store/repositories/five-ones'
import { ActionContext } from '../context'
import { canManagePlan, loadCoveredEnterprise } from '../../access/enterprise-access'
/** enterprise.dossier (一企一档): the five ones, the plan's milestones, and the history of appeals and visits. */
export async function enterpriseDossier(ctx: ActionContext, input: ParsedInput<'enterprise.dossier'>): Promise<EnterpriseDossier> {
  const { user, enterprise } = await loadCoveredEnterprise(ctx, input.enterpriseId)
  const today = beijingDay(ctx.clock.now())
  const heads = enterprise.department_id ? await listDepartmentHeads(ctx.db, enterprise.department_id) : []
  const people = await findUsersByIds(
    ctx.db,
    [enterprise.officer_id, enterprise.leader_id].filter((id): id is string => id !== null),
  )
  const contact = (person: UserRow | undefined): PersonContact | null =>
    person ? { id: person.id, name: person.name, title: person.title, phone: person.phone } : null
  const department = enterprise.department_id ? await findDepartmentById(ctx.db, enterprise.department_id) : undefined
  // The file lists the enterprise's appeals, but not a complaint about staff to anyone who may not
  // see it (the person it names), nor an anonymous one to anyone who may not know who filed it.
  const viewer = { id: user.id, role: user.role, enterpriseId: user.enterprise_id, departmentId: user.department_id }
  const appeals = (await listLatestAppealsOf(ctx.db, enterprise.id, 30)).filter(
    (a) =>
      (a.anonymous === 0 || seesIdentity(user.role)) &&
      (a.conduct === 0 ||
        canViewAppeal(
          {
            enterpriseId: enterprise.id,
            handlerId: a.handler_id,
            departmentId: a.department_id,
            enterpriseOfficerId: enterprise.officer_id,
            conduct: a.conduct === 1,
            accusedId: a.accused_id,
            anonymous: a.anonymous === 1,
          },
          viewer,
        )),
  )
  const visits = await listVisits(ctx.db, { enterpriseId: enterprise.id }, 'all', today, 30, 0)
  return {
    enterprise: {
      id: enterprise.id,
      name: enterprise.name,
      creditCode: enterprise.credit_code,
      industry: enterprise.industry,
      kind: enterprise.kind,
      park: enterprise.park,
      address: enterprise.address,
      legalPerson: enterprise.legal_person,
    },
    leader: contact(people.find((p) => p.id === enterprise.leader_id)),
    department: department ? { id: department.id, name: department.name } : null,
    departmentHead: contact(heads[0]),
    team: enterprise.team,
    teamMembers: (await listTeamMembers(ctx.db, enterprise.id)).map((m) => ({ name: m.name, duty: m.duty })),
    officer: contact(people.find((p) => p.id === enterprise.officer_id)),
    plan: (await listMilestones(ctx.db, enterprise.id)).map((m) => ({
      id: m.id,
      title: m.title,
      dueOn: m.due_on,
      doneAt: m.done_at,
      note: m.note,
      status: milestoneStatus(m, today),
    })),
    goals: (await listGoals(ctx.db, enterprise.id)).map((g) => ({
      id: g.id,
      label: g.label,
      target: g.target,
      unit: g.unit,
      dueOn: g.due_on,
      actual: g.actual,
      reportedAt: g.reported_at,
      progress: goalProgress(g),
      status: goalStatus(g, today),
    })),
    appeals: appeals.map((a) => ({
      id: a.id,
      title: a.title,
      state: a.state,
      stateLabel: stateLabel(a.state),
      submittedAt: a.submitted_at,
      source: a.source,
    })),
    visits: await toVisitViews(ctx, user, visits.rows),
    checkinCode: user.role === 'owner' || user.role === 'admin' ? enterprise.checkin_code : null,
    canManage: canManagePlan(user, enterprise),
  }
}
