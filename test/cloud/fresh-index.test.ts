import { sql } from 'kysely'
import type { Store } from '../../cloud/store/connect'
import { monthRange } from '../../cloud/domain/metrics'
import { countAppealsDirectly } from '../../cloud/store/repositories/metrics'
import { liveParts } from '../../cloud/store/repositories/metric-conditions'
import { makeStore, TEST_NOW } from '../support/services'
import { planOf, recordStatements } from '../support/statements'

/**
 * The bulletin counts a month's fresh appeals at read time from appeals_fresh_idx. SQLite finds the
 * month in it under the state it is led by (0027); PostgreSQL drops the state the index implies, so
 * there it is led by the filing time (0039), or each read walked it from its first entry.
 */
describe("a month's fresh appeals", () => {
  let store: Store
  beforeEach(async () => {
    store = await makeStore()
  })
  afterEach(() => store.close())

  /** The first column of an index, from the database's own catalogue. */
  const leadOf = async (index: string) => {
    if (store.dialect === 'sqlite') {
      const { rows } = await sql<{ name: string }>`select name from pragma_index_info(${index}) where seqno = 0`.execute(store.db)
      return rows[0]?.name
    }
    const { rows } = await sql<{ indexdef: string }>`
      select indexdef from pg_indexes where schemaname = current_schema() and indexname = ${index}
    `.execute(store.db)
    return /\((\w+)/.exec(rows[0]?.indexdef ?? '')?.[1]
  }

  it('are read from their own index, led by what bounds the month on each database', async () => {
    expect(await leadOf('appeals_fresh_idx')).toBe(store.dialect === 'sqlite' ? 'state' : 'submitted_at')
    if (store.dialect !== 'sqlite') return
    // PostgreSQL's choice among the partial indexes of fresh appeals turns on a test town's handful
    // of rows; SQLite, without statistics, chooses by the index alone, as in production.
    const now = Date.parse(TEST_NOW)
    const range = monthRange('2026-03')
    const { db, statements } = recordStatements(store)
    await countAppealsDirectly(db, range, now, ['department', 'category'], range.from, undefined, liveParts(now)[1])
    expect(statements).toHaveLength(1)
    expect(await planOf(store, statements[0])).toContain('appeals_fresh_idx (state=? AND submitted_at>? AND submitted_at<?)')
  })
})
