import { handleCloudEvent } from '../../cloud/cloudbase/handle-event'
import type { Store } from '../../cloud/store/connect'
import { findUserByOpenid } from '../../cloud/store/repositories/users'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

describe('cloud function adapter', () => {
  let store: Store
  beforeEach(async () => {
    store = await makeStore()
  })
  afterEach(() => store.close())

  it('knows the caller by OPENID: a first-time visitor is a guest who can read policies', async () => {
    const { services } = makeServices(store, { devLogin: false })
    const result = await handleCloudEvent(services, { action: 'policy.list', payload: { limit: 1 } }, 'o-first-visit')
    expect(result).toMatchObject({ ok: true, data: { items: [expect.objectContaining({ title: expect.any(String) })] } })
    expect(await findUserByOpenid(store.db, 'o-first-visit')).toMatchObject({ role: 'guest' })
  })

  it('without an OPENID nothing but public actions answer, and dev login does not exist', async () => {
    const { services } = makeServices(store, { devLogin: false })
    expect(await handleCloudEvent(services, { action: 'auth.me' }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    expect(await handleCloudEvent(services, { action: 'auth.devLogin', payload: { userId: town.admin.id } }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('an event without an action name is answered, not thrown', async () => {
    const { services } = makeServices(store, { devLogin: false })
    expect(await handleCloudEvent(services, { payload: {} }, 'o-x')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await handleCloudEvent(services, { action: 42 }, 'o-x')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
