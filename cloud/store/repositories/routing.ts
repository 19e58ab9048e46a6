import type { Kysely } from 'kysely'
import type { Database } from '../database'

/** Which department each category goes to first: the routing table as it stands. */
export function listRoutingRules(db: Kysely<Database>) {
  return db.selectFrom('routing_rules').select(['category', 'department_id']).execute()
}

/** Sends a category to a department, from the next appeal filed on. */
export async function saveRoutingRule(db: Kysely<Database>, category: string, departmentId: string): Promise<void> {
  await db
    .insertInto('routing_rules')
    .values({ category, department_id: departmentId })
    .onConflict((oc) => oc.column('category').doUpdateSet({ department_id: departmentId }))
    .execute()
}
