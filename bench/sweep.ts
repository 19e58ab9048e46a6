import { DAY, HOUR } from '../cloud/domain/time-units'
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { DEFAULT_DEADLINES } from '../cloud/domain/appeal/deadlines'
import { fixedClock } from '../cloud/domain/clock'
import { openStore, type Store } from '../cloud/store/connect'
import { migrateToLatest, rebuildKeptCounts } from '../cloud/store/migrate'
import { seedIfEmpty } from '../cloud/store/seed'
import { foldDueHours } from '../cloud/store/repositories/appeal-due-hours'
import { foldInboxCounts } from '../cloud/store/repositories/appeal-inbox-counts'
import { sweepAppeals } from '../cloud/workflows/supervision-sweep'
import { sweepStepByStep } from '../test/support/sweep-step-by-step'
import { generateScale } from './generate'
import { onBothDatabases } from './databases'

const DUE = 10_000
const RUNS = 3

/**
 * The supervision sweep with 10,000 steps due at once (a third each reminded, overdue with the
 * head told, escalated to the leader), on SQLite and on PostgreSQL, beside the step-by-step path
 * it replaced over the same steps.
 */
export async function benchSweep(): Promise<void> {
  await onBothDatabases('sweep', sweepOn)
}

async function sweepOn(name: string, url: string): Promise<void> {
  const store = await openStore(url)
  try {
    await migrateToLatest(store)
    const now = Date.parse('2026-11-01T09:00:00+08:00')
    const clock = fixedClock(now)
    await seedIfEmpty(store, clock)
    await generateScale(store.db, { enterprises: 10_000, officers: 200, appeals: 40_000, now })
    // Every enterprise has a leader, so an escalation tells someone.
    await store.db.updateTable('enterprises').set({ leader_id: 'u-leader-01' }).execute()
    // Statistics, as autovacuum gathers them after a bulk load: without them PostgreSQL read the
    // whole events table for each batch's last sequence numbers (7.8 ms a batch rather than 0.5).
    if (store.dialect === 'postgres') await sql`vacuum analyze`.execute(store.db)
    const due = (await store.db.selectFrom('appeals').select('id').where('due_at', 'is not', null).orderBy('id').limit(DUE).execute()).map(
      (r) => r.id,
    )
    if (due.length < DUE) throw new Error(`only ${due.length} open appeals`)

    const log = { info: () => {}, error: () => {} }
    const sweep = () => sweepAppeals({ db: store.db, clock, deadlines: DEFAULT_DEADLINES, log })
    const setDue = () => makeDue(store, due, now)
    await sweep()
    const idle = await timed(sweep)
    // Three sweeps of the same steps, each after they are made due again: one sample on a shared
    // machine is as much its neighbours' figure as the sweep's, so the median is printed with the range.
    const batched: number[] = []
    let told = 0
    for (let run = 0; run < RUNS; run++) {
      await setDue()
      const { result, ms } = await timed(sweep)
      if (result.stepped !== DUE) throw new Error(`the sweep took ${result.stepped} steps of ${DUE}`)
      batched.push(ms)
      told = await countOutbox(store)
    }
    const median = [...batched].sort((a, b) => a - b)[Math.floor(RUNS / 2)]
    await setDue()
    const stepByStep = await timed(() => sweepStepByStep(store.db, now))
    console.log(
      `${name.padEnd(10)} sweep, ${DUE.toLocaleString('en')} steps due: ${median.toFixed(0)} ms, median of ${RUNS} (${batched.map((ms) => ms.toFixed(0)).join(', ')}; ${DUE.toLocaleString('en')} steps, ${told.toLocaleString('en')} pushes queued each); step by step: ${stepByStep.ms.toFixed(0)} ms (${(stepByStep.ms / median).toFixed(1)}×); none due: ${idle.ms.toFixed(0)} ms`,
    )
  } finally {
    await store.close()
  }
}

/** Puts the appeals back to unsupervised with a deadline a step away, and forgets what the last sweep wrote. */
async function makeDue(store: Store, ids: string[], now: number): Promise<void> {
  await store.db.deleteFrom('outbox').execute()
  await store.db.deleteFrom('messages').where('kind', 'like', 'appeal.%').execute()
  const offsets = [HOUR, -HOUR, -2 * DAY]
  for (const [k, offset] of offsets.entries()) {
    const part = ids.filter((_, i) => i % offsets.length === k)
    for (let i = 0; i < part.length; i += 5_000)
      await store.db
        .updateTable('appeals')
        .set({ due_at: now + offset, supervision_level: 0, supervised_due_at: null })
        .where('id', 'in', part.slice(i, i + 5_000))
        .execute()
  }
  // Written past the store's own writes: the kept counts are made again from the appeals, and
  // folded as the sweep before would have, so that the sweep timed folds only what it wrote.
  await rebuildKeptCounts(store.db)
  await foldDueHours(store.db)
  await foldInboxCounts(store.db, now)
}

async function countOutbox(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now()
  const result = await run()
  return { result, ms: performance.now() - start }
}
