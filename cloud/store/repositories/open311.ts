import type { Kysely } from 'kysely'
import { OPEN_STATES } from '../../domain/appeal/rules'
import type { Database } from '../database'

export interface PublicRequestFilter {
  /** These appeals, whenever they were submitted; without ids, those submitted in [from, to). */
  ids?: string[]
  from: number
  to: number
  /** Open: in an open state; closed: in any other. */
  status?: 'open' | 'closed'
  category?: string
}

/**
 * Appeals as GeoReport v2 publishes them: only those that passed the content check, with no
 * personal data, and never a complaint about staff (作风投诉), which may name a person.
 */
function selectPublicRequests(db: Kysely<Database>) {
  return db
    .selectFrom('appeals')
    .innerJoin('enterprises', 'enterprises.id', 'appeals.enterprise_id')
    .leftJoin('departments', 'departments.id', 'appeals.department_id')
    .select([
      'appeals.id',
      'appeals.number',
      'appeals.category',
      'appeals.public_summary',
      'appeals.state',
      'departments.name as department',
      'enterprises.park',
      'appeals.submitted_at',
      'appeals.updated_at',
      'appeals.due_at',
    ])
    .where('appeals.moderation', '=', 'pass')
    .where('appeals.conduct', '=', 0)
}

/** The published appeals the filter names, newest first, at most `limit`. */
export function listPublicRequests(db: Kysely<Database>, filter: PublicRequestFilter, limit: number) {
  let query = selectPublicRequests(db)
  if (filter.ids) {
    query = query.where('appeals.id', 'in', filter.ids)
  } else {
    query = query.where('appeals.submitted_at', '>=', filter.from).where('appeals.submitted_at', '<', filter.to)
  }
  if (filter.status) query = query.where('appeals.state', filter.status === 'open' ? 'in' : 'not in', OPEN_STATES)
  if (filter.category) query = query.where('appeals.category', '=', filter.category)
  return query.orderBy('appeals.submitted_at', 'desc').limit(limit).execute()
}

/** One published appeal, or undefined (missing, or held back by the content check). */
export function findPublicRequest(db: Kysely<Database>, id: string) {
  return selectPublicRequests(db).where('appeals.id', '=', id).executeTakeFirst()
}
