import { sql, type Kysely } from 'kysely'
import type { Database } from '../cloud/store/database'
import { listInboxAppeals, type Decisions, type InboxScope } from '../cloud/store/repositories/inbox'
import { measure, ms } from './stats'

/**
 * Each kind of inbox over the generated store, its counts from the kept table
 * (appeal_inbox_counts) against the same counts read from every appeal of its scope: an officer,
 * the head of the department with the most appeals, a leader (the whole town) and the 督查 office
 * (the whole town, its decisions read live either way).
 */
export async function printInboxScopes(db: Kysely<Database>, now: number, officerId: string): Promise<void> {
  const biggest = await db
    .selectFrom('appeals')
    .innerJoin('users', (join) => join.onRef('users.department_id', '=', 'appeals.department_id').on('users.role', '=', 'dept_head'))
    .select(['appeals.department_id', 'users.id'])
    .groupBy(['appeals.department_id', 'users.id'])
    .orderBy(sql`count(*)`, 'desc')
    .limit(1)
    .executeTakeFirstOrThrow()
  const scopes: [string, InboxScope, Decisions][] = [
    ['officer', { handlerId: officerId }, null],
    ['department head', { departmentId: biggest.department_id!, handlerId: biggest.id }, 'extension'],
    ['leader (town)', 'all', 'dispute'],
    ['督查 office (town)', 'all', 'office'],
  ]
  console.log('inbox, counts kept against read live   p50 kept   p95 kept   p95 live   ratio (p95)')
  for (const [name, scope, decisions] of scopes) {
    const page = { now, decisions, limit: 20, offset: 0 }
    const runs = name === 'officer' ? 200 : 20
    const kept = await measure(runs, () => listInboxAppeals(db, scope, 'open', page))
    const live = await measure(runs, () => listInboxAppeals(db, scope, 'open', { ...page, via: 'live' }))
    console.log(
      `${name.padEnd(36)} ${ms(kept.p50).padStart(10)} ${ms(kept.p95).padStart(10)} ${ms(live.p95).padStart(10)}   ${(kept.p95 / live.p95).toFixed(2)}×`,
    )
  }
}
