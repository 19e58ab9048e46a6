import { dispatchOutbox } from '../cloud/notify/dispatch-outbox'
import { openStore } from '../cloud/store/connect'
import { dispatchOneAtATime } from './dispatch-one-at-a-time'
import { benchDispatchDeps, stubSender } from './stub-wechat'

/**
 * One dispatcher in a process of its own, as each run of the CloudBase timer is an instance of its
 * own, with an instance's two connections. Once the bench that forked it says go (its start is not
 * timed), rounds of 500 until a round finds nothing; then it reports what it sent. Arguments: the
 * store's URL, the stub's URL, and `one-at-a-time` or the sends in flight and the rate per template.
 */
async function main([url, stubUrl, mode, rate]: string[]): Promise<void> {
  const store = await openStore(url, { poolSize: 2 })
  const { sender, close } = stubSender(stubUrl)
  const deps = benchDispatchDeps(store.db, sender)
  let sent = 0
  await new Promise((resolve) => {
    process.once('message', resolve)
    process.send!({ ready: true })
  })
  try {
    for (;;) {
      const round =
        mode === 'one-at-a-time'
          ? await dispatchOneAtATime(deps, 500)
          : await dispatchOutbox(deps, { batch: 500, concurrency: Number(mode), rates: { appeal_update: Number(rate) } })
      sent += round.sent
      if (round.sent + round.skipped + round.failed + round.retried === 0) break
    }
  } finally {
    close()
    await store.close()
  }
  process.send!({ sent })
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
