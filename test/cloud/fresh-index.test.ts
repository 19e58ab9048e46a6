import { sql } from 'kysely'
import { generateScale } from '../../bench/generate'
import type { Store } from '../../cloud/store/connect'
import { monthRange } from '../../cloud/domain/metrics'
import { countAppealsDirectly } from '../../cloud/store/repositories/metrics'
import { freshPart } from '../../cloud/store/repositories/metric-conditions'
import { makeStore, TEST_NOW } from '../support/services'
import { planOf, recordStatements } from '../support/statements'

/**
 * The bulletin counts a month's fresh appeals at read time. SQLite finds the month under the state
 * that appeals_fresh_idx is led by (0027); PostgreSQL drops the state the index implies, so there
 * they are read from appeals_fresh_month_idx (0039), led by the filing time.
 */
describe("a month's fresh appeals", () => {
  let store: Store
  beforeEach(async () => {
    store = await makeStore()
  })
  afterEach(() => store.close())

  it('are read from an index bounded by the month on each database', async () => {
    const now = Date.parse(TEST_NOW)
    const range = monthRange('2026-02')
    // PostgreSQL chooses by its statistics: among a test town's handful of fresh appeals every
    // partial index costs the same, so it is given a year of them (a tenth still fresh) to weigh.
    if (store.dialect === 'postgres') {
      await generateScale(store.db, { enterprises: 40, officers: 8, appeals: 4000, now })
      await sql`analyze appeals`.execute(store.db)
    }
    const { db, statements } = recordStatements(store)
    await countAppealsDirectly(db, range, now, ['department', 'category'], range.from, undefined, freshPart(now))
    expect(statements).toHaveLength(1)
    const plan = await planOf(store, statements[0])
    if (store.dialect === 'sqlite') expect(plan).toContain('appeals_fresh_idx (state=? AND submitted_at>? AND submitted_at<?)')
    else expect(plan).toMatch(/Scan (using|on) appeals_fresh_month_idx .*Index Cond: \(\(submitted_at >= /)
  })
})
