import { DEFAULT_VISIT_FREQUENCY, FREQUENCIES, VISITOR_ROLES, type VisitFrequency } from '../domain/visit/periods'
import type { Db } from '../store/database'
import { findTownSetting } from '../store/repositories/town-settings'

export const VISIT_FREQUENCY_KEY = 'visit_frequency'

/**
 * How often each role must visit: what an admin set in the app (组织管理 → 走访频次), else the
 * host's VISIT_FREQUENCY, else the source documents' minimum. Read at each use, so a change counts
 * at once.
 */
export async function visitFrequencyOf(deps: { db: Db; visitFrequency?: VisitFrequency }): Promise<VisitFrequency> {
  const fallback = deps.visitFrequency ?? DEFAULT_VISIT_FREQUENCY
  const stored = await findTownSetting(deps.db, VISIT_FREQUENCY_KEY)
  if (!stored) return fallback
  try {
    const parsed = JSON.parse(stored) as Record<string, unknown>
    const result = { ...fallback }
    for (const role of VISITOR_ROLES) {
      const value = parsed[role]
      if (typeof value === 'string' && (FREQUENCIES as readonly string[]).includes(value))
        result[role] = value as VisitFrequency[typeof role]
    }
    return result
  } catch {
    return fallback
  }
}
