import { Caller } from '../../cloud/actions/context'
import { dispatch } from '../../cloud/app/router'
import type { Store } from '../../cloud/store/connect'
import { insertUser } from '../../cloud/store/repositories/users'
import { makeUser } from '../support/factories'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

describe('router', () => {
  let store: Store
  beforeEach(async () => {
    store = await makeStore()
  })
  afterEach(() => store.close())

  const asUser = (user: ReturnType<typeof makeUser>): Caller => ({ kind: 'user', user })
  const anonymous: Caller = { kind: 'anonymous' }

  it('answers data in the ok envelope', async () => {
    const { services } = makeServices(store)
    const reply = await dispatch(services, asUser(makeUser({ role: 'guest' })), 'policy.list', { limit: 2 })
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({ ok: true, data: { total: expect.any(Number) } })
    if (reply.body.ok) expect((reply.body.data as { items: unknown[] }).items).toHaveLength(2)
  })

  it('an unknown action is a 404 in Chinese', async () => {
    const { services } = makeServices(store)
    const reply = await dispatch(services, anonymous, 'appeal.destroyEverything', {})
    expect(reply).toEqual({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('没有名为') } } })
  })

  it('no identity is a 401 that asks to sign in, before the payload is even looked at', async () => {
    const { services } = makeServices(store)
    const reply = await dispatch(services, anonymous, 'policy.list', { limit: 'lots' })
    expect(reply).toEqual({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } } })
  })

  it('a role the action does not allow is a 403 naming the role', async () => {
    const { services } = makeServices(store)
    const reply = await dispatch(services, asUser(makeUser({ role: 'officer' })), 'enterprise.bind', {})
    expect(reply.status).toBe(403)
    expect(reply.body).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '当前身份（驻企特派员）无权执行此操作' } })
  })

  const who = { name: '张三', phone: '13600000000' }
  it.each([
    [{ creditCode: 12, bindingCode: '12345678', ...who }, 'creditCode', '「统一社会信用代码」(creditCode)：'],
    [{ creditCode: '91440300708461136X', bindingCode: '12345678', ...who }, 'creditCode', '校验位不正确'],
    [{ creditCode: '91440300708461136T', ...who }, 'bindingCode', '「绑定码」(bindingCode)'],
    [{ creditCode: '91440300708461136T', bindingCode: '1234a678', ...who }, 'bindingCode', '8 位数字'],
    [{ creditCode: '91440300708461136T', bindingCode: '123456', ...who }, 'bindingCode', '8 位数字'],
    [{ creditCode: '91440300708461136T', bindingCode: '12345678', ...who, role: 'admin' }, 'role', '不是此操作接受的字段'],
  ])('a malformed payload %j is a 400 naming %s', async (payload, field, text) => {
    const { services } = makeServices(store)
    const reply = await dispatch(services, asUser(makeUser({ role: 'guest' })), 'enterprise.bind', payload)
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field } })
    if (!reply.body.ok) expect(reply.body.error.message).toContain(text)
  })

  it.each([null, 'text', 42, [1, 2]])('a payload that is not an object (%j) is a 400', async (payload) => {
    const { services } = makeServices(store)
    const reply = await dispatch(services, asUser(makeUser({ role: 'guest' })), 'policy.list', payload)
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('请求内容格式不正确') } })
  })

  it('anything unexpected is a 500 that leaks nothing, and is logged', async () => {
    const { services, log } = makeServices(store)
    // PostgreSQL keeps the tables that refer to it from being left dangling unless told to cascade.
    const drop = store.db.schema.dropTable('policies')
    await (store.dialect === 'postgres' ? drop.cascade() : drop).execute()
    const reply = await dispatch(services, asUser(makeUser({ role: 'guest' })), 'policy.list', {})
    expect(reply).toEqual({ status: 500, body: { ok: false, error: { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' } } })
    expect(JSON.stringify(reply.body)).not.toMatch(/policies|sqlite|SELECT/i)
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'error', message: 'action failed' }))
  })

  it('dev-only actions do not exist where dev login is off', async () => {
    const { services } = makeServices(store, { devLogin: false })
    for (const action of ['auth.devLogin', 'auth.devUsers']) {
      const reply = await dispatch(services, anonymous, action, { userId: town.admin.id })
      expect(reply.status).toBe(404)
    }
  })

  it('the caller comes from the host, never from the payload', async () => {
    const { services } = makeServices(store)
    const guest = makeUser({ role: 'guest' })
    await insertUser(store.db, guest)
    const reply = await dispatch(services, asUser(guest), 'auth.me', {})
    expect(reply.body).toMatchObject({ ok: true, data: { user: { id: guest.id, role: 'guest' } } })
    const spoof = await dispatch(services, asUser(guest), 'auth.me', { userId: town.admin.id })
    expect(spoof.status).toBe(400)
  })
})
