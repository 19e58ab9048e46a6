import type { Logger } from '../actions/ports'
import { inTransaction, type Db } from '../store/database'
import { findPolicyById, upsertPolicy } from '../store/repositories/policies'
import { readPolicyFiles } from '../store/seed'
import { notifyPolicyAudience } from '../notify/policy-notifications'

export interface ImportResult {
  created: number
  updated: number
  notified: number
}

/**
 * `npm run policies:import`: the Markdown explainers of a folder into the store. Every file is
 * read first, so one malformed file (named, with the field that is wrong) imports nothing. A new
 * policy is published and its enterprises told; one already there is updated in place, keeping its
 * status (an admin's withdrawal stands) and telling nobody again.
 */
export async function importPolicies(db: Db, dir: string, now: number, log: Logger): Promise<ImportResult> {
  const rows = readPolicyFiles(dir, now)
  const result: ImportResult = { created: 0, updated: 0, notified: 0 }
  await inTransaction(db, async (trx) => {
    for (const row of rows) {
      const existing = await findPolicyById(trx, row.id)
      if (existing) {
        await upsertPolicy(trx, { ...row, status: existing.status, created_at: existing.created_at })
        result.updated++
      } else {
        await upsertPolicy(trx, row)
        result.created++
        result.notified += await notifyPolicyAudience(trx, row, now)
      }
    }
  })
  log.info('policies imported', { ...result })
  return result
}
