import { sql } from 'kysely'
import { generateScale } from '../../bench/generate'
import type { Store } from '../../cloud/store/connect'
import { monthRange } from '../../cloud/domain/metrics'
import { countAppealsDirectly } from '../../cloud/store/repositories/metrics'
import { freshPart, liveParts } from '../../cloud/store/repositories/metric-conditions'
import { makeStore, TEST_NOW } from '../support/services'
import { planOf, recordStatements } from '../support/statements'

/**
 * What the month's figures read live besides its fresh appeals: the appeals whose deadline is
 * still ahead, found through an index led by that deadline (0042), not the month's open appeals.
 */
describe("a month's deadlines still ahead", () => {
  let store: Store
  beforeEach(async () => {
    store = await makeStore()
  })
  afterEach(() => store.close())

  it('are read from the index led by each deadline, on each database', async () => {
    const now = Date.parse(TEST_NOW)
    const range = monthRange('2026-02')
    // PostgreSQL chooses by its statistics: a year of appeals gives it something to weigh.
    if (store.dialect === 'postgres') {
      await generateScale(store.db, { enterprises: 40, officers: 8, appeals: 4000, now })
      await sql`analyze appeals`.execute(store.db)
    }
    const ahead = liveParts(now).filter((part) => part.where !== freshPart(now).where)
    expect(ahead).toHaveLength(2)
    const plans = []
    for (const part of ahead) {
      const { db, statements } = recordStatements(store)
      await countAppealsDirectly(db, range, now, ['department', 'category'], range.from, undefined, part)
      expect(statements).toHaveLength(1)
      plans.push(await planOf(store, statements[0]))
    }
    if (store.dialect === 'sqlite') {
      expect(plans[0]).toContain('USING COVERING INDEX appeals_due_ahead_idx (due_at>?)')
      expect(plans[1]).toContain('USING COVERING INDEX appeals_rectify_ahead_idx (rectify_due_at>?)')
    } else {
      expect(plans[0]).toMatch(/Scan (using|on) appeals_due_ahead_idx .*Index Cond: \(\(due_at >= /)
      expect(plans[1]).toMatch(/Scan (using|on) appeals_rectify_ahead_idx .*Index Cond: \(\(rectify_due_at >= /)
    }
  })
})
