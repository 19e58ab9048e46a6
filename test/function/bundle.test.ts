import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { openStore, type Store } from '../../cloud/store/connect'
import { migrateToLatest } from '../../cloud/store/migrate'
import { town, seedTown } from '../support/town'

/**
 * The cloud function exactly as it is uploaded: cloud/functions/api/index.js, built by
 * scripts/build-function.mjs, loaded with a stand-in for wx-server-sdk (WeChat's context, subscribe
 * messages, content check, mini-program codes, storage), against PostgreSQL as CloudBase runs it.
 * Runs in `npm run test:postgres`, which provides TEST_DATABASE_URL.
 */

interface FakeWeChat {
  openid: string | undefined
  pushes: { touser: string; templateId: string; page: string }[]
}
const wechat: FakeWeChat = { openid: undefined, pushes: [] }

jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: Symbol('current env'),
  init: () => undefined,
  getWXContext: () => (wechat.openid ? { OPENID: wechat.openid, APPID: 'wx0000000000000000' } : {}),
  openapi: {
    subscribeMessage: { send: async (message: FakeWeChat['pushes'][number]) => (wechat.pushes.push(message), { errCode: 0 }) },
    security: { msgSecCheck: async () => ({ errCode: 0, result: { suggest: 'pass' } }) },
    wxacode: { getUnlimited: async () => ({ buffer: Buffer.from('png') }) },
  },
  uploadFile: async ({ cloudPath }: { cloudPath: string }) => ({ fileID: `cloud://env.bucket/${cloudPath}` }),
}))

const url = process.env.TEST_DATABASE_URL
if (!url) throw new Error('The bundled cloud function runs against PostgreSQL: run it with `npm run test:postgres` (TEST_DATABASE_URL).')

type Main = (event: unknown) => Promise<any>

describe('the cloud function bundle, as uploaded', () => {
  const schema = `fn_${randomUUID().replace(/-/g, '').slice(0, 16)}`
  const schemaUrl = `${url}${url!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  let store: Store
  let main: Main
  const now = jest.spyOn(Date, 'now')
  /** A call from the mini-program as a person: WeChat's OPENID, and the data as the event. */
  const call = (openid: string, action: string, payload: unknown = {}) => (
    (wechat.openid = openid),
    main({ action, payload, userInfo: { appId: 'wx0000000000000000', openId: openid } })
  )
  const timer = () => (
    (wechat.openid = undefined),
    main({ Type: 'Timer', TriggerName: 'tick', Time: new Date(Date.now()).toISOString(), Message: '' })
  )

  beforeAll(async () => {
    // The function logs each call as a JSON line; the test reads the store and the fake WeChat instead.
    jest.spyOn(console, 'log').mockImplementation(() => undefined)
    execFileSync('node', ['scripts/build-function.mjs'], { stdio: 'pipe' })
    // As on deploy: the schema is migrated once (npm run db:migrate), then the function takes calls.
    const admin = await openStore(url!)
    await sql`create schema ${sql.id(schema)}`.execute(admin.db)
    await admin.close()
    store = await openStore(schemaUrl)
    await migrateToLatest(store)
    const opening = Date.parse('2026-03-02T09:00:00+08:00')
    now.mockReturnValue(opening)
    await seedTown(store.db, opening)
    // The owner and the officer have signed in on WeChat before (onboarding binds an OPENID).
    await store.db.updateTable('users').set({ openid: 'o-owner' }).where('id', '=', town.enterprises.medPack.owner.id).execute()
    await store.db.updateTable('users').set({ openid: 'o-officer' }).where('id', '=', town.officer.id).execute()
    process.env.DATABASE_URL = schemaUrl
    // Through jest's module registry, so the bundle's require('wx-server-sdk') gets the stand-in.
    const bundle = '../../cloud/functions/api/index.js'
    main = ((await import(bundle)) as { main: Main }).main
  }, 120_000)

  afterAll(async () => {
    now.mockRestore()
    await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db)
    await store.close()
  })

  it('a new OPENID is a guest; an owner files, the officer is pushed by the timer, and the sweep presses what runs late', async () => {
    expect(await call('o-first-time', 'auth.me')).toMatchObject({ ok: true, data: { user: { role: 'guest' } } })

    // The officer allowed one push of new tasks (a natural tap in the app asks for it).
    expect(await call('o-officer', 'subscription.grant', { results: [{ template: 'appeal_task', accepted: true }] })).toMatchObject({
      ok: true,
    })
    const filed = await call('o-owner', 'appeal.create', {
      clientRequestId: 'bundle-journey-0001',
      category: '用工',
      title: '二期车间缺操作工',
      description: '二期车间下月投产，缺操作工二十人，希望镇里帮忙对接招聘。',
      contactName: town.enterprises.medPack.owner.name,
      contactPhone: '13800000000',
    })
    expect(filed).toMatchObject({ ok: true, data: { state: 'submitted' } })

    const tick = await timer()
    expect(tick.dispatched.sent).toBeGreaterThanOrEqual(1)
    expect(wechat.pushes.map((p) => p.touser)).toContain('o-officer')

    // A day and a half later, on a sweeping minute, the unaccepted appeal is pressed.
    now.mockReturnValue(Date.parse('2026-03-03T21:00:00+08:00'))
    const later = await timer()
    expect(later.swept).toMatchObject({ stepped: expect.any(Number) })
    expect(later.swept.stepped).toBeGreaterThanOrEqual(1)
    const events = await store.db.selectFrom('appeal_events').select('action').where('appeal_id', '=', filed.data.id).execute()
    expect(events.map((e) => e.action)).toContain('remindOverdue')
  }, 60_000)

  it('a call from the mini-program that says it is the timer is answered as a call, and runs nothing', async () => {
    const outboxBefore = await store.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    for (const trigger of ['tick', 'sweep', 'dispatch']) {
      const spoof = await ((wechat.openid = 'o-first-time'),
      main({ Type: 'Timer', TriggerName: trigger, userInfo: { appId: 'wx0000000000000000', openId: 'o-first-time' } }))
      expect(spoof).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      expect(spoof.dispatched).toBeUndefined()
    }
    const outboxAfter = await store.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(outboxAfter.n)).toBe(Number(outboxBefore.n))
  })

  it('serves Open311 through the HTTP access service, read-only and without personal data', async () => {
    wechat.openid = undefined
    const http = (path: string, extra: Record<string, unknown> = {}) =>
      main({ path, httpMethod: 'GET', headers: {}, queryStringParameters: {}, body: null, isBase64Encoded: false, ...extra })
    const services = await http('/bangban/open311/v2/services.json')
    expect(services).toMatchObject({
      statusCode: 200,
      isBase64Encoded: false,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    })
    expect(JSON.parse(services.body)).toHaveLength(10)
    const requests = await http('/bangban/open311/v2/requests.json', { queryStringParameters: { start_date: '2026-03-01T00:00:00+08:00' } })
    expect(requests.statusCode).toBe(200)
    const published = JSON.stringify(JSON.parse(requests.body))
    expect(published).toContain('用工类企业诉求')
    expect(published).not.toContain('二期车间缺操作工')
    expect(published).not.toContain('13800000000')
    const twice = await http('/bangban/open311/v2/requests.json', { multiValueQueryStringParameters: { status: ['open', 'closed'] } })
    expect(twice.statusCode).toBe(400)
    expect((await http('/bangban/api/auth.me', { httpMethod: 'POST' })).statusCode).toBe(404)
  })
})
