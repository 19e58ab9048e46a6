import type { Kysely } from 'kysely'
import type { FindingState } from '../../domain/inspection'
import type { Database } from '../database'
import { projectDepartment, projectsOfDepartments } from './department-sections'

/**
 * What the assessment counts per department, beyond the appeals (repositories/metrics): the rows
 * each component of domain/assessment-tallies reads, each with the department it counts for.
 * - an enterprise, its visits and its plan's milestones: its 包抓部门 (enterprises.department_id);
 * - a key project: its enterprise's 包抓部门, else its secretary's (as the bulletin counts it);
 * - help: the recorder's department;
 * - an inspection finding: the department inspected.
 */

/** Enterprises on the roster during the period, with their 包抓部门. */
export function listAssessedEnterprises(
  db: Kysely<Database>,
  from: number,
): Promise<{ id: string; name: string; department_id: string | null }[]> {
  return db
    .selectFrom('enterprises')
    .select(['id', 'name', 'department_id'])
    .where('department_id', 'is not', null)
    .where((eb) => eb.or([eb('deactivated_at', 'is', null), eb('deactivated_at', '>', from)]))
    .orderBy('name')
    .orderBy('id')
    .execute()
}

/** Proven visits (checked in, or confirmed by the owner) made in [from, to). */
export async function listProvenVisitsBetween(
  db: Kysely<Database>,
  from: number,
  to: number,
): Promise<{ enterpriseId: string; visitedAt: number }[]> {
  const rows = await db
    .selectFrom('visits')
    .select(['enterprise_id', 'visited_at'])
    .where('proven', '=', 1)
    .where('visited_at', '>=', from)
    .where('visited_at', '<', to)
    .execute()
  return rows.map((r) => ({ enterpriseId: r.enterprise_id, visitedAt: Number(r.visited_at) }))
}

/** Plan (一企一策) milestones due in [fromDay, toDay), with their enterprise's department. */
export async function listPlanMilestonesDue(
  db: Kysely<Database>,
  fromDay: string,
  toDay: string,
): Promise<{ departmentId: string; label: string; dueOn: string; doneAt: number | null }[]> {
  const rows = await db
    .selectFrom('plan_milestones as m')
    .innerJoin('enterprises as e', 'e.id', 'm.enterprise_id')
    .select(['e.department_id', 'e.name', 'm.title', 'm.due_on', 'm.done_at'])
    .where('m.due_on', '>=', fromDay)
    .where('m.due_on', '<', toDay)
    .where('e.department_id', 'is not', null)
    .orderBy('m.due_on')
    .orderBy('m.id')
    .execute()
  return rows.map((r) => ({
    departmentId: r.department_id!,
    label: `${r.name}：${r.title}`,
    dueOn: r.due_on,
    doneAt: r.done_at === null ? null : Number(r.done_at),
  }))
}

/** Key projects with their department (as the bulletin places them) and their milestones' planned and done days. */
export async function listProjectsWithDepartments(db: Kysely<Database>): Promise<
  {
    id: string
    name: string
    departmentId: string
    createdAt: number
    milestones: { plannedOn: string; doneOn: string | null }[]
  }[]
> {
  const projects = await projectsOfDepartments(db)
    .select(['p.id', 'p.name', projectDepartment.as('department_id'), 'p.created_at'])
    .where(projectDepartment, 'is not', null)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute()
  const milestones = projects.length
    ? await db
        .selectFrom('project_milestones')
        .select(['project_id', 'planned_on', 'done_on'])
        .where(
          'project_id',
          'in',
          projects.map((p) => p.id),
        )
        .execute()
    : []
  return projects.map((p) => ({
    id: p.id,
    name: p.name,
    departmentId: p.department_id!,
    createdAt: Number(p.created_at),
    milestones: milestones.filter((m) => m.project_id === p.id).map((m) => ({ plannedOn: m.planned_on, doneOn: m.done_on })),
  }))
}

/** Help entries given in [fromDay, toDay), with the recorder's department. */
export async function listHelpGivenBetween(
  db: Kysely<Database>,
  fromDay: string,
  toDay: string,
): Promise<{ departmentId: string; label: string; kind: string; givenOn: string; state: string }[]> {
  const rows = await db
    .selectFrom('help_entries as h')
    .innerJoin('users as u', 'u.id', 'h.recorded_by')
    .innerJoin('enterprises as e', 'e.id', 'h.enterprise_id')
    .select(['u.department_id', 'e.name', 'h.kind', 'h.given_on', 'h.state'])
    .where('h.given_on', '>=', fromDay)
    .where('h.given_on', '<', toDay)
    .where('u.department_id', 'is not', null)
    .orderBy('h.given_on')
    .orderBy('h.id')
    .execute()
  return rows.map((r) => ({ departmentId: r.department_id!, label: r.name, kind: r.kind, givenOn: r.given_on, state: r.state }))
}

/** Inspection findings due in [from, to), with their state and latest answer. */
export async function listFindingsDueBetween(
  db: Kysely<Database>,
  from: number,
  to: number,
): Promise<{ departmentId: string; label: string; state: FindingState; dueAt: number; answeredAt: number | null }[]> {
  const rows = await db
    .selectFrom('inspection_findings')
    .select(['department_id', 'text', 'state', 'due_at', 'answered_at'])
    .where('due_at', '>=', from)
    .where('due_at', '<', to)
    .orderBy('due_at')
    .orderBy('inspection_id')
    .orderBy('seq')
    .execute()
  return rows.map((r) => ({
    departmentId: r.department_id,
    label: r.text,
    state: r.state,
    dueAt: Number(r.due_at),
    answeredAt: r.answered_at === null ? null : Number(r.answered_at),
  }))
}
