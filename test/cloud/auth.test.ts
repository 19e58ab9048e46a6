import { callerFromBearer, callerFromOpenid } from '../../cloud/app/identity'
import { dispatch } from '../../cloud/app/router'
import { createTokenService } from '../../cloud/app/token'
import { fixedClock } from '../../cloud/domain/clock'
import type { Store } from '../../cloud/store/connect'
import { insertEnterprise } from '../../cloud/store/repositories/enterprises'
import { findUserById, insertUser } from '../../cloud/store/repositories/users'
import { makeCreditCode, makeEnterprise, makeUser } from '../support/factories'
import { TEST_SECRET, makeServices, makeStore } from '../support/services'

describe('tokens', () => {
  const clock = fixedClock('2026-03-02T09:00:00+08:00')
  const tokens = createTokenService(TEST_SECRET, 3600, clock)

  it('a token names its user until it expires', async () => {
    const { token, expiresAt } = await tokens.issue('u-1')
    expect(expiresAt).toBe(clock.now() + 3600_000)
    expect(await tokens.verify(token)).toBe('u-1')
    clock.advance(3599_000)
    expect(await tokens.verify(token)).toBe('u-1')
    clock.advance(2_000)
    expect(await tokens.verify(token)).toBeNull()
  })

  it('a token signed with another secret, or altered, is refused', async () => {
    const { token } = await createTokenService(`${TEST_SECRET}-other`, 3600, clock).issue('u-1')
    expect(await tokens.verify(token)).toBeNull()
    const genuine = (await tokens.issue('u-1')).token
    const [header, , signature] = genuine.split('.')
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'u-someone-else', iss: 'bangban', exp: 9e9 })).toString('base64url')}.${signature}`
    expect(await tokens.verify(forged)).toBeNull()
    expect(await tokens.verify('not-a-token')).toBeNull()
  })

  it('refuses a weak secret', () => {
    expect(() => createTokenService('short', 60, clock)).toThrow(/at least 32/)
  })
})

describe('identity', () => {
  let store: Store
  beforeEach(async () => {
    store = await makeStore({ seed: false })
  })
  afterEach(() => store.close())

  it('a Bearer token becomes the stored user; anything else is anonymous', async () => {
    const { services, clock } = makeServices(store)
    const user = makeUser({ role: 'officer' })
    await insertUser(store.db, user)
    const { token } = await services.devTokens!.issue(user.id)
    expect(await callerFromBearer(store.db, services.devTokens, `Bearer ${token}`, clock)).toMatchObject({
      kind: 'user',
      user: { id: user.id },
    })
    expect(await callerFromBearer(store.db, services.devTokens, undefined, clock)).toEqual({ kind: 'anonymous' })
    expect(await callerFromBearer(store.db, services.devTokens, `Basic ${token}`, clock)).toEqual({ kind: 'anonymous' })
    expect(await callerFromBearer(store.db, null, `Bearer ${token}`, clock)).toEqual({ kind: 'anonymous' })
    const { token: ghost } = await services.devTokens!.issue('u-deleted')
    expect(await callerFromBearer(store.db, services.devTokens, `Bearer ${ghost}`, clock)).toEqual({ kind: 'anonymous' })
  })

  it('a new OPENID becomes one guest user, however often it calls', async () => {
    const clock = fixedClock(0)
    const [a, b] = await Promise.all([callerFromOpenid(store.db, clock, 'o-abc'), callerFromOpenid(store.db, clock, 'o-abc')])
    expect(a).toMatchObject({ kind: 'user', user: { role: 'guest', openid: 'o-abc' } })
    expect(b.kind === 'user' && a.kind === 'user' && b.user.id === a.user.id).toBe(true)
    const again = await callerFromOpenid(store.db, clock, 'o-abc')
    expect(again.kind === 'user' && a.kind === 'user' && again.user.id === a.user.id).toBe(true)
    expect(await callerFromOpenid(store.db, clock, undefined)).toEqual({ kind: 'anonymous' })
  })
})

describe('auth.devLogin and enterprise.bind', () => {
  let store: Store
  beforeEach(async () => {
    store = await makeStore({ seed: false })
  })
  afterEach(() => store.close())

  it('dev login issues a token for a seeded user and answers who they are', async () => {
    const { services } = makeServices(store)
    const officer = makeUser({ role: 'officer', name: '王敏' })
    await insertUser(store.db, officer)
    const reply = await dispatch(services, { kind: 'anonymous' }, 'auth.devLogin', { userId: officer.id })
    expect(reply.body).toMatchObject({ ok: true, data: { me: { user: { name: '王敏', roleLabel: '驻企特派员' }, enterprise: null } } })
    const missing = await dispatch(services, { kind: 'anonymous' }, 'auth.devLogin', { userId: 'u-nobody' })
    expect(missing.status).toBe(404)
  })

  async function setup() {
    const { services } = makeServices(store)
    const officer = makeUser({ role: 'officer', name: '李特派', phone: '13912345678' })
    await insertUser(store.db, officer)
    const enterprise = makeEnterprise({ officer_id: officer.id })
    await insertEnterprise(store.db, enterprise)
    const guest = makeUser({ role: 'guest', openid: 'o-guest' })
    await insertUser(store.db, guest)
    // The officer issues the enterprise's one-time binding code (only its hash is stored).
    const issued = await dispatch(services, { kind: 'user', user: officer }, 'enterprise.issueBindingCode', { enterpriseId: enterprise.id })
    if (!issued.body.ok) throw new Error(JSON.stringify(issued.body))
    const code = (issued.body.data as { code: string }).code
    return { services, officer, enterprise, guest, code, who: { name: '周企业', phone: '13600000001' } }
  }

  it('a guest with the right codes becomes the enterprise owner and sees their officer', async () => {
    const { services, enterprise, guest, code, who } = await setup()
    const reply = await dispatch(services, { kind: 'user', user: guest }, 'enterprise.bind', {
      creditCode: enterprise.credit_code.toLowerCase(),
      bindingCode: code,
      ...who,
    })
    expect(reply.body).toMatchObject({
      ok: true,
      data: {
        state: 'bound',
        me: { user: { role: 'owner' }, enterprise: { id: enterprise.id, officer: { name: '李特派', phone: '13912345678' } } },
      },
    })
    expect(await findUserById(store.db, guest.id)).toMatchObject({ role: 'owner', enterprise_id: enterprise.id })
  })

  it('a wrong binding code or an unknown credit code changes nothing and says the same', async () => {
    const { services, enterprise, guest, code, who } = await setup()
    const wrongCode = await dispatch(services, { kind: 'user', user: guest }, 'enterprise.bind', {
      creditCode: enterprise.credit_code,
      bindingCode: code === '00000000' ? '11111111' : '00000000',
      ...who,
    })
    const unknownCode = await dispatch(services, { kind: 'user', user: guest }, 'enterprise.bind', {
      creditCode: makeCreditCode(),
      bindingCode: code,
      ...who,
    })
    expect(wrongCode).toEqual(unknownCode)
    expect(wrongCode.status).toBe(400)
    expect(await findUserById(store.db, guest.id)).toMatchObject({ role: 'guest', enterprise_id: null })
  })

  it('binding twice at once: one wins, the other gets a 409', async () => {
    const { services, enterprise, guest, code, who } = await setup()
    const payload = { creditCode: enterprise.credit_code, bindingCode: code, ...who }
    const first = await dispatch(services, { kind: 'user', user: guest }, 'enterprise.bind', payload)
    // The second request was authorised while the user was still a guest.
    const second = await dispatch(services, { kind: 'user', user: guest }, 'enterprise.bind', payload)
    expect(first.status).toBe(200)
    expect(second.status).toBe(409)
  })
})
