import type { Kysely, Selectable, Updateable } from 'kysely'
import type { Database } from '../database'
import type { EnterpriseGoalsTable, EnterpriseTeamMembersTable } from '../tables/visits'

export type TeamMemberRow = Selectable<EnterpriseTeamMembersTable>
export type GoalRow = Selectable<EnterpriseGoalsTable>

export function listTeamMembers(db: Kysely<Database>, enterpriseId: string): Promise<TeamMemberRow[]> {
  return db.selectFrom('enterprise_team_members').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('position').execute()
}

/** Replaces an enterprise's team with the one given (call inside a transaction). */
export async function replaceTeamMembers(db: Kysely<Database>, enterpriseId: string, rows: TeamMemberRow[]): Promise<void> {
  await db.deleteFrom('enterprise_team_members').where('enterprise_id', '=', enterpriseId).execute()
  if (rows.length) await db.insertInto('enterprise_team_members').values(rows).execute()
}

export function listGoals(db: Kysely<Database>, enterpriseId: string): Promise<GoalRow[]> {
  return db.selectFrom('enterprise_goals').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('due_on').orderBy('id').execute()
}

export function findGoalById(db: Kysely<Database>, id: string): Promise<GoalRow | undefined> {
  return db.selectFrom('enterprise_goals').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertGoal(db: Kysely<Database>, row: GoalRow): Promise<void> {
  await db.insertInto('enterprise_goals').values(row).execute()
}

export async function updateGoal(db: Kysely<Database>, id: string, changes: Updateable<EnterpriseGoalsTable>): Promise<void> {
  await db.updateTable('enterprise_goals').set(changes).where('id', '=', id).execute()
}
