import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatchOutbox } from '../cloud/notify/dispatch-outbox'
import { notify, type Notification } from '../cloud/notify/notify'
import { readTemplateConfig, type PushSender } from '../cloud/notify/push'
import { systemClock } from '../cloud/domain/clock'
import { openStore } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'
import { seedIfEmpty } from '../cloud/store/seed'
import { generateScale, insertInBatches } from './generate'
async function main() {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'ob-')), 'b.sqlite'))
  await migrateToLatest(store)
  await seedIfEmpty(store, systemClock)
  const { ownerIds } = await generateScale(store.db, { enterprises: 10000, officers: 10, appeals: 0, now: systemClock.now() })
  await insertInBatches(
    store.db,
    'subscription_grants',
    ownerIds.map((user_id) => ({ user_id, template: 'appeal_update', remaining: 1e6, updated_at: 0 })),
  )
  const n: Notification[] = Array.from({ length: 10000 }, (_, i) => ({
    userId: ownerIds[i],
    kind: 'k',
    title: 't',
    body: 'b',
    link: '/p',
    dedupeKey: `d${i}`,
    template: 'appeal_update',
    fields: { title: 'x', state: 's', note: 'n', at: 'a' },
  }))
  await store.db.transaction().execute((trx) => notify(trx, n, systemClock.now()))
  const sender: PushSender = {
    send: async () => {
      await new Promise((r) => setImmediate(r))
      return { ok: true }
    },
  }
  const deps = { db: store.db, clock: systemClock, sender, templates: readTemplateConfig({}), log: { info() {}, error() {} } }
  const t = performance.now()
  let sent = 0
  for (;;) {
    const r = await dispatchOutbox(deps, { batch: 500, concurrency: Number(process.env.C ?? 64), rates: {} })
    sent += r.sent
    if (!r.sent) break
  }
  console.log(sent, (sent / ((performance.now() - t) / 1000)).toFixed(0), '/s')
}
main()
