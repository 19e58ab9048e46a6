import type { Kysely } from 'kysely'
import type { Database } from '../database'

export interface Holdings {
  enterprises: number
  appeals: number
  visits: number
}

/**
 * What each of some people holds now, which a handover would move: the enterprises they cover as
 * officer, the open appeals they hold and the visits ahead they host. Three grouped counts.
 */
export async function countHoldings(
  db: Kysely<Database>,
  userIds: string[],
  openStates: readonly string[],
): Promise<Map<string, Holdings>> {
  const result = new Map<string, Holdings>(userIds.map((id) => [id, { enterprises: 0, appeals: 0, visits: 0 }]))
  if (userIds.length === 0) return result
  const [enterprises, appeals, visits] = await Promise.all([
    db
      .selectFrom('enterprises')
      .select(['officer_id as id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('officer_id', 'in', userIds)
      .groupBy('officer_id')
      .execute(),
    db
      .selectFrom('appeals')
      .select(['handler_id as id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('handler_id', 'in', userIds)
      .where('state', 'in', [...openStates])
      .groupBy('handler_id')
      .execute(),
    db
      .selectFrom('visits')
      .select(['host_id as id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('host_id', 'in', userIds)
      .where('state', 'in', ['requested', 'proposed', 'confirmed'])
      .groupBy('host_id')
      .execute(),
  ])
  for (const [rows, key] of [
    [enterprises, 'enterprises'],
    [appeals, 'appeals'],
    [visits, 'visits'],
  ] as const)
    for (const row of rows) if (row.id) result.get(row.id)![key] = Number(row.n)
  return result
}
