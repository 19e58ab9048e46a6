import { sql } from 'kysely'
import { dispatchOutbox, backoffMs } from '../../cloud/notify/dispatch-outbox'
import { notify, type Notification } from '../../cloud/notify/notify'
import { readTemplateConfig, type PushOutcome, type PushRequest, type PushSender } from '../../cloud/notify/push'
import { fitField } from '../../cloud/domain/notifications'
import type { Store } from '../../cloud/store/connect'
import type { Db } from '../../cloud/store/database'
import { claimDuePushes } from '../../cloud/store/repositories/outbox'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/** A stand-in for WeChat: records every push and answers what the test scripts. */
function recordingSender(answers: PushOutcome[] = []): PushSender & { sent: PushRequest[] } {
  const sent: PushRequest[] = []
  return {
    sent,
    async send(request) {
      sent.push(request)
      return answers.shift() ?? { ok: true }
    },
  }
}

describe('field values cut to WeChat’s limits, by characters', () => {
  it.each([
    ['thing', '关于新厂房用电增容和道路坑洼积水的诉求', '关于新厂房用电增容和道路坑洼积水的诉求'],
    ['thing', '关于新厂房用电增容和道路坑洼积水问题的诉求', '关于新厂房用电增容和道路坑洼积水问题的…'],
    ['phrase', '不予受理', '不予受理'],
    ['phrase', '延期审批中了', '延期审批…'],
    ['thing', '😀'.repeat(25), `${'😀'.repeat(19)}…`],
    ['thing', '  多个   空格\n换行 ', '多个 空格 换行'],
  ] as const)('%s: %s', (type, value, expected) => {
    const fitted = fitField(type, value)
    expect(fitted).toBe(expected)
    expect(Array.from(fitted).length).toBeLessThanOrEqual(type === 'phrase' ? 5 : 20)
  })
})

describe('notifications and the outbox', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  const owner = town.enterprises.grainFoods.owner
  const templates = readTemplateConfig({})
  const dispatch = (sender: PushSender, options = {}) =>
    dispatchOutbox({ db: store.db, clock: setup.clock, log: setup.log, sender, templates }, options)
  const note = (n: number): Notification => ({
    userId: owner.id,
    kind: 'test',
    title: `通知${n}`,
    body: '内容',
    link: '/pages/home/index',
    dedupeKey: `test:${n}`,
    template: 'appeal_update',
    fields: { title: `诉求${n}`, state: '已受理', note: '已受理', at: '2026年3月2日 09:00' },
  })
  const grant = (remaining: number) =>
    store.db
      .insertInto('subscription_grants')
      .values({ user_id: owner.id, template: 'appeal_update', remaining, updated_at: 0 })
      .onConflict((oc) => oc.columns(['user_id', 'template']).doUpdateSet({ remaining }))
      .execute()
  const rows = () => store.db.selectFrom('outbox').selectAll().orderBy('created_at').orderBy('id').execute()
  const messages = () => store.db.selectFrom('messages').selectAll().where('user_id', '=', owner.id).execute()

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store)
  })
  afterEach(() => store.close())

  it('a change that rolls back leaves no message and nothing to push', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await notify(trx, [note(1)], setup.clock.now())
        throw new Error('the change failed after notifying')
      }),
    ).rejects.toThrow('the change failed')
    expect(await messages()).toEqual([])
    expect(await rows()).toEqual([])
  })

  it('the same event is one message and one push, however often it is raised', async () => {
    await store.db.transaction().execute((trx) => notify(trx, [note(1), note(1)], setup.clock.now()))
    await store.db.transaction().execute((trx) => notify(trx, [note(1)], setup.clock.now()))
    expect(await messages()).toHaveLength(1)
    expect(await rows()).toHaveLength(1)
  })

  it('each message written now queues its push, pending and due at once; one the person had queues none', async () => {
    const now = setup.clock.now()
    expect(await store.db.transaction().execute((trx) => notify(trx, [note(1)], now))).toBe(1)
    setup.clock.advance(60_000)
    const later = setup.clock.now()
    expect(await store.db.transaction().execute((trx) => notify(trx, [note(1), note(2), note(3)], later))).toBe(2)
    const byMessage = new Map((await messages()).map((m) => [m.id, m]))
    expect(await rows()).toHaveLength(3)
    const queued = new Map((await rows()).map((row) => [byMessage.get(row.message_id)?.dedupe_key, row]))
    expect([...queued.keys()].sort()).toEqual(['test:1', 'test:2', 'test:3'])
    expect(queued.get('test:3')).toMatchObject({
      user_id: owner.id,
      template: 'appeal_update',
      page: '/pages/home/index',
      state: 'pending',
      attempts: 0,
      next_attempt_at: later,
      created_at: later,
      claim_token: null,
      lease_until: null,
      last_error: null,
      sent_at: null,
    })
    expect(JSON.parse(queued.get('test:3')!.fields)).toEqual(note(3).fields)
    expect(queued.get('test:1')).toMatchObject({ next_attempt_at: now, created_at: now })
  })

  it('with a grant it is pushed once, cut to the template; without one it stays in the message centre only', async () => {
    await grant(1)
    await store.db.transaction().execute((trx) => notify(trx, [note(1), note(2)], setup.clock.now()))
    const sender = recordingSender()
    expect(await dispatch(sender)).toMatchObject({ sent: 1, skipped: 1 })
    // One grant, two notifications: whichever was claimed first is pushed, the other is skipped.
    expect(sender.sent).toEqual([
      {
        openid: null,
        userId: owner.id,
        templateId: 'local-appeal_update',
        page: '/pages/home/index',
        data: {
          thing1: { value: expect.stringMatching(/^诉求[12]$/) },
          phrase2: { value: '已受理' },
          thing3: { value: '已受理' },
          time4: { value: '2026年3月2日 09:00' },
        },
      },
    ])
    const states = Object.fromEntries((await rows()).map((r) => [JSON.parse(r.fields).title, r.state]))
    expect(states).toEqual({
      [sender.sent[0].data.thing1.value]: 'sent',
      [sender.sent[0].data.thing1.value === '诉求1' ? '诉求2' : '诉求1']: 'skipped',
    })
    expect(await messages()).toHaveLength(2)
    expect(await dispatch(recordingSender())).toMatchObject({ sent: 0, skipped: 0 })
  })

  it('a transient failure is retried with backoff, the grant kept for it; only then sent', async () => {
    await grant(1)
    await store.db.transaction().execute((trx) => notify(trx, [note(1)], setup.clock.now()))
    const sender = recordingSender([
      { ok: false, permanent: false, error: '-1 system busy' },
      { ok: false, permanent: false, error: 'ETIMEDOUT' },
    ])
    expect(await dispatch(sender)).toMatchObject({ retried: 1 })
    const [first] = await rows()
    expect(first).toMatchObject({
      state: 'pending',
      attempts: 1,
      next_attempt_at: setup.clock.now() + backoffMs(1),
      last_error: '-1 system busy',
    })
    expect(await dispatch(sender)).toMatchObject({ sent: 0, retried: 0 })
    setup.clock.advance(backoffMs(1))
    expect(await dispatch(sender)).toMatchObject({ retried: 1 })
    expect((await rows())[0]).toMatchObject({ attempts: 2, next_attempt_at: setup.clock.now() + backoffMs(2) })
    setup.clock.advance(backoffMs(2))
    expect(await dispatch(sender)).toMatchObject({ sent: 1 })
    expect(sender.sent).toHaveLength(3)
    expect(await store.db.selectFrom('subscription_grants').select('remaining').executeTakeFirstOrThrow()).toEqual({ remaining: 0 })
    expect([backoffMs(1), backoffMs(2), backoffMs(3), backoffMs(20)]).toEqual([30_000, 60_000, 120_000, 3_600_000])
  })

  it('a permanent refusal is recorded and not retried; a revoked grant is cleared', async () => {
    await grant(3)
    await store.db.transaction().execute((trx) => notify(trx, [note(1)], setup.clock.now()))
    const sender = recordingSender([{ ok: false, permanent: true, revoked: true, error: '43101 user refuse to accept the msg' }])
    expect(await dispatch(sender)).toMatchObject({ failed: 1 })
    setup.clock.advance(3600_000)
    expect(await dispatch(sender)).toMatchObject({ sent: 0 })
    expect((await rows())[0]).toMatchObject({ state: 'failed', last_error: '43101 user refuse to accept the msg' })
    expect(await store.db.selectFrom('subscription_grants').select('remaining').executeTakeFirstOrThrow()).toEqual({ remaining: 0 })
  })

  it('a dispatcher cut off between send and marking it sent never pushes it again; the message is there once', async () => {
    await grant(5)
    await store.db.transaction().execute((trx) => notify(trx, [note(1)], setup.clock.now()))
    const pushed: PushRequest[] = []
    // The first dispatcher's send reaches WeChat, then its process dies before it can record that.
    let reached: () => void = () => {}
    const sendReached = new Promise<void>((resolve) => (reached = resolve))
    const dying: PushSender = { send: (request) => (pushed.push(request), reached(), new Promise<PushOutcome>(() => {})) }
    void dispatch(dying, { leaseMs: 60_000 })
    await sendReached
    expect(pushed).toHaveLength(1)
    expect((await rows())[0].state).toBe('sending')

    const next = recordingSender()
    expect(await dispatch(next)).toMatchObject({ sent: 0, uncertain: 0 })
    setup.clock.advance(61_000)
    expect(await dispatch(next)).toMatchObject({ uncertain: 1, sent: 0 })
    setup.clock.advance(3600_000)
    expect(await dispatch(next)).toMatchObject({ sent: 0 })
    expect(next.sent).toEqual([])
    expect((await rows())[0]).toMatchObject({ state: 'uncertain' })
    expect(await messages()).toHaveLength(1)
  })

  it('two dispatchers at once never send the same row', async () => {
    await grant(20)
    await store.db.transaction().execute((trx) =>
      notify(
        trx,
        Array.from({ length: 30 }, (_, n) => note(n)),
        setup.clock.now(),
      ),
    )
    const sender = recordingSender()
    const results = await Promise.all([dispatch(sender, { batch: 20 }), dispatch(sender, { batch: 20 }), dispatch(sender, { batch: 20 })])
    const pushed = sender.sent.map((s) => s.data.thing1.value)
    expect(new Set(pushed).size).toBe(pushed.length)
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(20)
    expect(results.reduce((n, r) => n + r.skipped, 0)).toBe(10)
  })

  it('a claim made while another is still claiming takes the next rows, neither waiting nor coming away empty', async () => {
    await store.db.transaction().execute((trx) =>
      notify(
        trx,
        Array.from({ length: 6 }, (_, n) => note(n)),
        setup.clock.now(),
      ),
    )
    const now = setup.clock.now()
    const claim = async (db: Db, token: string) => (await claimDuePushes(db, token, now, now + 60_000, 3)).map((row) => row.id)
    const all = (await rows()).map((row) => row.id)
    if (store.dialect === 'sqlite') {
      // One writer at a time: the second claim runs once the first is written and takes the rest.
      const [first, second] = await Promise.all([claim(store.db, 'a'), claim(store.db, 'b')])
      expect([...first, ...second].sort()).toEqual([...all].sort())
      return
    }
    await store.db.transaction().execute(async (holding) => {
      // The first claim is not committed: its rows stay locked while the second one runs.
      const first = await claim(holding, 'a')
      const second = await store.db.transaction().execute(async (trx) => {
        await sql`set local lock_timeout = '2s'`.execute(trx)
        return claim(trx, 'b')
      })
      expect(first).toHaveLength(3)
      expect([...first, ...second].sort()).toEqual([...all].sort())
    })
  })

  it('appeal moves reach those they concern: the handler of a new appeal, the owner of an accepted one', async () => {
    const api = apiAs(setup.services)
    const enterprise = town.enterprises.grainFoods
    await api.call(enterprise.owner.id, 'subscription.grant', {
      results: [
        { template: 'appeal_update', accepted: true },
        { template: 'policy_new', accepted: false },
      ],
    })
    await api.call(enterprise.officer_id, 'subscription.grant', { results: [{ template: 'appeal_task', accepted: true }] })
    const appeal = await api.call(enterprise.owner.id, 'appeal.create', {
      clientRequestId: 'req-push-0001',
      category: '融资',
      title: '流动资金贷款续贷',
      description: '一笔300万贷款下月到期，希望协调银行续贷。',
      contactName: enterprise.owner.name,
      contactPhone: '13800001111',
    })
    await api.call(enterprise.officer_id, 'appeal.accept', {
      id: appeal.id,
      version: appeal.version,
      publicSummary: '企业诉求已受理，正在协调办理',
    })
    const told = await store.db.selectFrom('messages').select(['user_id', 'kind']).orderBy('created_at').execute()
    expect(told).toEqual([
      { user_id: enterprise.officer_id, kind: 'appeal.create' },
      { user_id: enterprise.owner.id, kind: 'appeal.accept' },
    ])
    const sender = recordingSender()
    expect(await dispatch(sender)).toMatchObject({ sent: 2 })
    expect(sender.sent.map((s) => [s.userId, s.templateId])).toEqual([
      [enterprise.officer_id, 'local-appeal_task'],
      [enterprise.owner.id, 'local-appeal_update'],
    ])
    expect((await api.call(enterprise.owner.id, 'message.list', {})).items[0]).toMatchObject({
      title: '您的诉求已受理',
      link: `/pages/appeal-detail/index?id=${appeal.id}`,
    })
  })
})
