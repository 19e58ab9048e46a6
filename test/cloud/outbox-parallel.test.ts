import { dispatchOutbox, drainOutbox, backoffMs, type DispatchOptions } from '../../cloud/notify/dispatch-outbox'
import { notify, type Notification } from '../../cloud/notify/notify'
import { readTemplateConfig, type PushOutcome, type PushRequest, type PushSender } from '../../cloud/notify/push'
import type { TemplateKind } from '../../cloud/domain/notifications'
import type { Store } from '../../cloud/store/connect'
import { makeGuest } from '../support/factories'
import { makeServices, makeStore } from '../support/services'

/** Lets everything already started run on (database round trips included) before the test goes on. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}

describe('the outbox sends in parallel, within each template’s rate', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  const templates = readTemplateConfig({})
  /** Paced sends wait here, on the test's clock: the earliest is let go first, the clock moved to it. */
  let waiting: { at: number; resolve: () => void }[]
  const sleepUntil = (at: number) => new Promise<void>((resolve) => waiting.push({ at, resolve }))

  /** Runs a dispatch to its end, moving the clock from one paced send's slot to the next. */
  async function dispatch(sender: PushSender, options: DispatchOptions = {}) {
    let done = false
    const run = dispatchOutbox({ db: store.db, clock: setup.clock, log: setup.log, sender, templates, sleepUntil }, options).finally(
      () => (done = true),
    )
    while (!done) {
      await settle()
      waiting.sort((a, b) => a.at - b.at)
      const next = waiting.shift()
      if (next) {
        if (next.at > setup.clock.now()) setup.clock.set(next.at)
        next.resolve()
      }
    }
    return run
  }

  async function people(count: number): Promise<string[]> {
    const users = Array.from({ length: count }, () => makeGuest())
    await store.db.insertInto('users').values(users).execute()
    await store.db
      .insertInto('subscription_grants')
      .values(
        users.flatMap((u) => [
          { user_id: u.id, template: 'appeal_update', remaining: 100, updated_at: 0 },
          { user_id: u.id, template: 'policy_new', remaining: 100, updated_at: 0 },
        ]),
      )
      .execute()
    return users.map((u) => u.id)
  }
  let n = 0
  const note = (userId: string, template: TemplateKind = 'appeal_update'): Notification => {
    n++
    return {
      userId,
      kind: 'test',
      title: `通知${n}`,
      body: '内容',
      link: '/pages/home/index',
      dedupeKey: `test:${n}`,
      template,
      fields:
        template === 'appeal_update'
          ? { title: `诉求${n}`, state: '已受理', note: '已受理', at: '2026年3月2日 09:00' }
          : { title: `政策${n}`, summary: '工信局', date: '2026年3月2日' },
    }
  }
  const queue = (notes: Notification[]) => store.db.transaction().execute((trx) => notify(trx, notes, setup.clock.now()))
  const states = async () =>
    (await store.db.selectFrom('outbox').select(['state']).execute()).reduce<Record<string, number>>(
      (count, r) => ({ ...count, [r.state]: (count[r.state] ?? 0) + 1 }),
      {},
    )

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store)
    waiting = []
  })
  afterEach(() => store.close())

  it('a timer run drains the queue round after round, and stops when its time is spent', async () => {
    const ids = await people(25)
    await queue(ids.map((id) => note(id)))
    const sender: PushSender = { send: async () => ({ ok: true }) }
    const deps = { db: store.db, clock: setup.clock, log: setup.log, sender, templates, sleepUntil }
    // Ten a round: three full rounds and a last one that finds fewer.
    expect(await drainOutbox(deps, { batch: 10, rates: {} }, 60_000)).toMatchObject({ sent: 25, rounds: 3 })
    expect(await states()).toEqual({ sent: 25 })

    await queue(ids.map((id) => note(id)))
    const slow: PushSender = {
      send: async () => {
        setup.clock.advance(100)
        return { ok: true }
      },
    }
    // A round of ten takes a second here: with a budget of half a second, one round and no more.
    expect(await drainOutbox({ ...deps, sender: slow }, { batch: 10, rates: {} }, 500)).toMatchObject({ sent: 10, rounds: 1 })
  })

  it('never has more than the concurrency in flight, and reaches it', async () => {
    const ids = await people(24)
    await queue(ids.map((id) => note(id)))
    let inFlight = 0
    let most = 0
    const sender: PushSender = {
      async send() {
        inFlight++
        most = Math.max(most, inFlight)
        await settle()
        inFlight--
        return { ok: true }
      },
    }
    expect(await dispatch(sender, { concurrency: 4, rates: {} })).toMatchObject({ sent: 24 })
    expect(most).toBe(4)
    expect(await states()).toEqual({ sent: 24 })
  })

  it('sends one person’s pushes one after another, the longest waiting first', async () => {
    const [one, ...others] = await people(6)
    for (let i = 0; i < 8; i++) {
      await queue([note(one), ...others.map((id) => note(id))])
      setup.clock.advance(1_000)
    }
    const sent: PushRequest[] = []
    let oneInFlight = 0
    const sender: PushSender = {
      async send(request) {
        sent.push(request)
        if (request.userId === one) oneInFlight++
        expect(oneInFlight).toBeLessThanOrEqual(1)
        await settle()
        if (request.userId === one) oneInFlight--
        return { ok: true }
      },
    }
    expect(await dispatch(sender, { concurrency: 4, rates: {} })).toMatchObject({ sent: 48 })
    const titles = sent.filter((r) => r.userId === one).map((r) => Number(r.data.thing1.value.replace('诉求', '')))
    expect(titles).toHaveLength(8)
    expect(titles).toEqual([...titles].sort((a, b) => a - b))
  })

  it('keeps each template within its rate per second, each template on its own', async () => {
    const ids = await people(30)
    await queue([...ids.map((id) => note(id, 'appeal_update')), ...ids.map((id) => note(id, 'policy_new'))])
    const at: Record<string, number[]> = {}
    const start = setup.clock.now()
    const sender: PushSender = {
      async send(request) {
        ;(at[request.templateId] ??= []).push(setup.clock.now())
        return { ok: true }
      },
    }
    expect(await dispatch(sender, { concurrency: 8, rates: { appeal_update: 10, policy_new: 3 } })).toMatchObject({ sent: 60 })
    const update = at['local-appeal_update']
    const policy = at['local-policy_new']
    expect([update.length, policy.length]).toEqual([30, 30])
    // No second holds more than the rate: the (rate+1)th send after any send is a second or more later.
    for (let i = 0; i + 10 < update.length; i++) expect(update[i + 10] - update[i]).toBeGreaterThanOrEqual(1_000)
    for (let i = 0; i + 3 < policy.length; i++) expect(policy[i + 3] - policy[i]).toBeGreaterThanOrEqual(1_000)
    // And the slower does not hold the faster back: 30 at 10/s take about 3 s, 30 at 3/s about 10 s.
    expect(Math.max(...update) - start).toBeLessThan(3_100)
    expect(Math.max(...policy) - start).toBeGreaterThanOrEqual(Math.floor((29 * 1000) / 3))
  })

  it('spends a person’s grants on their longest waiting pushes, the rest only in the message centre', async () => {
    const [few, many] = await people(2)
    await store.db
      .updateTable('subscription_grants')
      .set({ remaining: 2 })
      .where('user_id', '=', few)
      .where('template', '=', 'appeal_update')
      .execute()
    for (let i = 0; i < 4; i++) {
      await queue([note(few), note(many)])
      setup.clock.advance(1_000)
    }
    const sent: PushRequest[] = []
    const sender: PushSender = { send: async (request) => (sent.push(request), { ok: true }) }
    expect(await dispatch(sender, { concurrency: 4, rates: {} })).toMatchObject({ sent: 6, skipped: 2 })
    const titles = (userId: string) => sent.filter((r) => r.userId === userId).map((r) => r.data.thing1.value)
    expect(titles(few)).toEqual([`诉求${n - 7}`, `诉求${n - 5}`])
    expect(titles(many)).toHaveLength(4)
    const grants = await store.db
      .selectFrom('subscription_grants')
      .select(['user_id', 'remaining'])
      .where('template', '=', 'appeal_update')
      .where('user_id', 'in', [few, many])
      .orderBy('user_id')
      .execute()
    expect(Object.fromEntries(grants.map((g) => [g.user_id, Number(g.remaining)]))).toEqual({ [few]: 0, [many]: 96 })
  })

  it('claims no more than the slowest template can send within half the lease', async () => {
    const ids = await people(40)
    await queue(ids.map((id) => note(id)))
    const sender: PushSender = { send: async () => ({ ok: true }) }
    expect(await dispatch(sender, { batch: 100, leaseMs: 10_000, rates: { appeal_update: 2 } })).toMatchObject({ sent: 10 })
    expect(await states()).toEqual({ sent: 10, pending: 30 })
  })

  it('retries a transient failure with backoff and fails a permanent one, as one at a time did', async () => {
    const ids = await people(12)
    await queue(ids.map((id) => note(id)))
    const answers = new Map<string, PushOutcome>([
      [ids[0], { ok: false, permanent: false, error: '-1 system busy' }],
      [ids[1], { ok: false, permanent: true, error: '40037 invalid template_id' }],
    ])
    const sender: PushSender = {
      async send(request) {
        await settle()
        const answer = answers.get(request.userId) ?? { ok: true }
        answers.delete(request.userId)
        return answer
      },
    }
    expect(await dispatch(sender, { concurrency: 5, rates: {} })).toMatchObject({ sent: 10, retried: 1, failed: 1 })
    const retried = await store.db.selectFrom('outbox').selectAll().where('user_id', '=', ids[0]).executeTakeFirstOrThrow()
    expect(retried).toMatchObject({
      state: 'pending',
      attempts: 1,
      next_attempt_at: setup.clock.now() + backoffMs(1),
      last_error: '-1 system busy',
    })
    expect(
      await store.db
        .selectFrom('subscription_grants')
        .select('remaining')
        .where('user_id', '=', ids[0])
        .where('template', '=', 'appeal_update')
        .executeTakeFirstOrThrow(),
    ).toEqual({ remaining: 100 })
    setup.clock.advance(backoffMs(1))
    expect(await dispatch(sender, { concurrency: 5, rates: {} })).toMatchObject({ sent: 1 })
    expect(await states()).toEqual({ sent: 11, failed: 1 })
  })
})
