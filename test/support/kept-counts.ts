import { sql, type Kysely } from 'kysely'
import type { Database } from '../../cloud/store/database'
import { HOUR } from '../../cloud/domain/clock'
import { hourOf } from '../../cloud/store/repositories/appeal-due-hours'
import type { apiAs } from './api'
import { town } from './town'

/** What the tests of the tables kept from the appeals share: appeals to move, and moves to replay. */

/** Files the `i`th appeal of a test, by two firms in turn (one may file twenty a day); answers its id. */
export async function fileNumbered(api: ReturnType<typeof apiAs>, i: number): Promise<string> {
  const owner = (i % 2 ? town.enterprises.grainFoods : town.enterprises.medPack).owner
  const filed = await api.call(owner.id, 'appeal.create', {
    category: '水电气路',
    title: `第 ${i} 件`,
    description: '新上两条吹塑生产线，现有变压器容量不够，需要增容。',
    contactName: '联系人',
    contactPhone: '13800001111',
  })
  return filed.id
}

/** A small seeded generator (mulberry32): the same seed gives the same moves, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

/** appeal_inbox_counts as summed on reading: a key's additions together, the keys at none left out, in one order. */
export async function keptInboxRows(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('appeal_inbox_counts')
    .select(['handler_id', 'department_id', 'state', 'hour', 'paused_late', sql<number>`sum(appeals)`.as('appeals')])
    .groupBy(['handler_id', 'department_id', 'state', 'hour', 'paused_late'])
    .having(sql<number>`sum(appeals)`, '<>', 0)
    .execute()
  return rows.map((r) => JSON.stringify({ ...r, hour: r.hour === null ? null : Number(r.hour), appeals: Number(r.appeals) })).sort()
}

/** Instants around `now`: its hour's start and end, a moment either side of each, and hours and days off. */
export function instantsAround(now: number): number[] {
  const start = hourOf(now)
  return [now, start, start - 1, start + 1, start + HOUR - 1, start + HOUR, now - 30 * HOUR, now + 5 * HOUR, now + 90 * HOUR]
}
