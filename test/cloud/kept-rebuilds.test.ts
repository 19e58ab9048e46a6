import { sql, type KyselyPlugin } from 'kysely'
import type { Store } from '../../cloud/store/connect'
import { migrateToLatest, migratorFor, rebuildKeptCounts } from '../../cloud/store/migrate'
import * as dueHoursMigration from '../../cloud/store/migrations/0031-appeal-due-hours'
import { HOUR } from '../../cloud/domain/clock'
import { findAppealById, updateAppealIfVersion } from '../../cloud/store/repositories/appeals'
import { apiAs } from '../support/api'
import { fileNumbered, keptInboxRows } from '../support/kept-counts'
import { makeServices, makeStore, TEST_NOW } from '../support/services'

/** The kept tables, every row in one order: what the dashboard, the bulletin and the inboxes read. */
async function keptTables(store: Store, { inbox: withInbox } = { inbox: true }) {
  const daily = await store.db
    .selectFrom('appeal_daily_counts')
    .selectAll()
    .orderBy('day')
    .orderBy('department_id')
    .orderBy('category')
    .execute()
  const hours = await store.db
    .selectFrom('appeal_due_hours')
    .select(['hour', sql<number>`sum(appeals)`.as('appeals')])
    .groupBy('hour')
    .orderBy('hour')
    .execute()
  const inbox = withInbox ? await keptInboxRows(store.db) : []
  return {
    daily: daily.map((r) => JSON.stringify(r)),
    hours: hours.map((r) => [Number(r.hour), Number(r.appeals)]),
    inbox,
  }
}

/** What every store records once its kept tables are built. */
const RECORDED = [
  'appeal_daily_counts 0027-appeal-daily-counts',
  'appeal_daily_counts 0042-deadlines-ahead',
  'appeal_due_hours 0031-appeal-due-hours',
  'appeal_inbox_counts 0035-appeal-inbox-counts',
]

const upTo0033 = (migrations: string[]) => migrations.filter((name) => name <= '0033-kept-rebuilds')

const records = async (store: Store) =>
  (await store.db.selectFrom('kept_rebuilds').select(['kept', 'migration']).orderBy('kept').orderBy('migration').execute()).map(
    (r) => `${r.kept} ${r.migration}`,
  )

/** The same store, counting the statements that empty a kept table: one per rebuild of it. */
function countingRebuilds(store: Store): { store: Store; rebuilds: () => number } {
  let rebuilds = 0
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      if (args.node.kind === 'DeleteQueryNode' && JSON.stringify(args.node.from).includes('"appeal_daily_counts"')) rebuilds++
      return args.node
    },
    transformResult: async (args) => args.result,
  }
  return { store: { ...store, db: store.db.withPlugin(plugin) }, rebuilds: () => rebuilds }
}

describe('kept tables rebuilt after the migrations they follow', () => {
  let store: Store
  let rebuilt: Awaited<ReturnType<typeof keptTables>>
  beforeEach(async () => {
    store = await makeStore()
    // Appeals in every table: one closed (a day's counts), one open and late (an hour of deadline); both in the inboxes.
    const api = apiAs(makeServices(store).services)
    const [closed, late] = [await fileNumbered(api, 0), await fileNumbered(api, 1)]
    await updateAppealIfVersion(store.db, (await findAppealById(store.db, closed))!, { state: 'closed' })
    await updateAppealIfVersion(store.db, (await findAppealById(store.db, late))!, {
      state: 'in_progress',
      due_at: Date.parse(TEST_NOW) - 5 * HOUR,
    })
    await rebuildKeptCounts(store.db)
    rebuilt = await keptTables(store)
    expect(rebuilt.daily.length).toBeGreaterThan(0)
    expect(rebuilt.hours.length).toBeGreaterThan(0)
    expect(rebuilt.inbox.length).toBe(2)
  })
  afterEach(() => store.close())

  /** As a stop between the migrations' commit and the rebuild's leaves a store: nothing recorded, the tables empty. */
  async function stopBeforeRebuild() {
    await store.db.deleteFrom('kept_rebuilds').execute()
    await store.db.deleteFrom('appeal_daily_counts').execute()
    await store.db.deleteFrom('appeal_due_hours').execute()
    await store.db.deleteFrom('appeal_inbox_counts').execute()
  }

  it('a store records the run of each migration its kept tables were rebuilt after', async () => {
    expect(await records(store)).toEqual(RECORDED)
    const runs = new Map((await migratorFor(store).getMigrations()).map((m) => [m.name, m.executedAt?.toISOString()]))
    for (const r of await store.db.selectFrom('kept_rebuilds').selectAll().execute()) expect(r.executed_at).toBe(runs.get(r.migration))
  })

  it('the next start rebuilds what a stop left unbuilt, though it runs no migration', async () => {
    await stopBeforeRebuild()
    expect(await migrateToLatest(store)).toEqual([])
    expect(await keptTables(store)).toEqual(rebuilt)
    expect(await records(store)).toEqual(RECORDED)
  })

  it('a start with every rebuild recorded rebuilds nothing; a migration run again rebuilds its table alone', async () => {
    // A row the rebuild would put back: left as it is, nothing was rebuilt.
    await store.db
      .deleteFrom('appeal_daily_counts')
      .where('day', '=', (await store.db.selectFrom('appeal_daily_counts').select('day').executeTakeFirstOrThrow()).day)
      .execute()
    const tampered = await keptTables(store)
    expect(tampered.daily).not.toEqual(rebuilt.daily)
    await migrateToLatest(store)
    expect(await keptTables(store)).toEqual(tampered)

    await store.db.insertInto('appeal_due_hours').values({ hour: 0, appeals: 5 }).execute()
    await dueHoursMigration.down(store.db as never)
    await sql`delete from kysely_migration where name = '0031-appeal-due-hours'`.execute(store.db)
    expect(await migrateToLatest(store)).toEqual(['0031-appeal-due-hours'])
    expect(await keptTables(store)).toEqual({ ...tampered, hours: rebuilt.hours })
  })

  it('a store that ran 0027 and 0031 before 0033 takes their runs as rebuilt, and rebuilds at its next start only after later ones', async () => {
    expect((await migratorFor(store).migrateTo('0032-policy-search-rows')).error).toBeUndefined()
    await store.db.insertInto('appeal_due_hours').values({ hour: 0, appeals: 5 }).execute()
    // Before 0035 there is no inbox table: its rebuild after 0035 is the only one.
    const tampered = await keptTables(store, { inbox: false })
    // Those up to 0033 (later ones run too: 0035 makes the inbox's table, 0042 changes what the
    // daily counts keep, so both are rebuilt after them; nothing follows 0031).
    expect(upTo0033(await migrateToLatest(store))).toEqual(['0033-kept-rebuilds'])
    expect(await keptTables(store)).toEqual({ ...tampered, daily: rebuilt.daily, inbox: rebuilt.inbox })
    expect(await records(store)).toEqual(RECORDED)
  })

  it('a store that takes 0031 and 0033 in one run rebuilds after them, though 0033 takes runs already made as rebuilt', async () => {
    expect((await migratorFor(store).migrateTo('0030-policy-search-page')).error).toBeUndefined()
    expect(upTo0033(await migrateToLatest(store))).toEqual(['0031-appeal-due-hours', '0032-policy-search-rows', '0033-kept-rebuilds'])
    expect(await keptTables(store)).toEqual(rebuilt)
  })

  it('a rebuild that fails before its record leaves the tables and the records as they were, and the next start rebuilds', async () => {
    await stopBeforeRebuild()
    const failing: KyselyPlugin = {
      transformQuery: (args) => {
        if (args.node.kind === 'InsertQueryNode' && JSON.stringify(args.node.into).includes('"kept_rebuilds"'))
          throw new Error('stopped before the record')
        return args.node
      },
      transformResult: async (args) => args.result,
    }
    await expect(migrateToLatest({ ...store, db: store.db.withPlugin(failing) })).rejects.toThrow('stopped before the record')
    expect(await keptTables(store)).toEqual({ daily: [], hours: [], inbox: [] })
    expect(await records(store)).toEqual([])
    await migrateToLatest(store)
    expect(await keptTables(store)).toEqual(rebuilt)
  })

  it('two starts at once rebuild once', async () => {
    await stopBeforeRebuild()
    const counting = countingRebuilds(store)
    await Promise.all([migrateToLatest(counting.store), migrateToLatest(counting.store)])
    expect(counting.rebuilds()).toBe(1)
    expect(await keptTables(store)).toEqual(rebuilt)
    if (store.dialect !== 'postgres') return

    // A start that finds the records locked by another's rebuild leaves it to that one, at once.
    await stopBeforeRebuild()
    let release = () => {}
    let locked = () => {}
    const held = new Promise<void>((resolve) => (locked = resolve))
    const holding = store.db.transaction().execute(async (trx) => {
      await sql`lock table kept_rebuilds in exclusive mode`.execute(trx)
      locked()
      await new Promise<void>((resolve) => (release = resolve))
    })
    await held
    await migrateToLatest(store)
    expect(await keptTables(store)).toEqual({ daily: [], hours: [], inbox: [] })
    release()
    await holding
    await migrateToLatest(store)
    expect(await keptTables(store)).toEqual(rebuilt)
  })
})
