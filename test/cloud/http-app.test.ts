import type { FastifyInstance } from 'fastify'
import type { Store } from '../../cloud/store/connect'
import { buildHttpApp } from '../../cloud/server/http-app'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/** Real HTTP on a free loopback port: what the mini-program's H5 build talks to. */
async function serve(app: FastifyInstance) {
  const base = await app.listen({ host: '127.0.0.1', port: 0 })
  const request = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, { method, body, headers: { 'content-type': 'application/json', ...headers } })
    const text = await response.text()
    return { statusCode: response.status, json: () => JSON.parse(text) }
  }
  return {
    get: (path: string) => request('GET', path, undefined, {}),
    raw: request,
    post: (action: string, payload: unknown, token?: string) =>
      request('POST', `/api/${action}`, JSON.stringify(payload), token ? { authorization: `Bearer ${token}` } : {}),
  }
}

describe('local HTTP host', () => {
  let store: Store
  let app: FastifyInstance
  let http: Awaited<ReturnType<typeof serve>>
  beforeEach(async () => {
    store = await makeStore()
    app = buildHttpApp({ services: makeServices(store).services })
    http = await serve(app)
  })
  afterEach(async () => {
    await app.close()
    await store.close()
  })

  const post = (action: string, payload: unknown, token?: string) => http.post(action, payload, token)

  it('GET /api/health answers 200 while the store is reachable', async () => {
    const response = await http.get('/api/health')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ok: true, data: { status: 'up' } })
  })

  it('GET /api/actions documents every action with its roles and JSON Schema', async () => {
    const body = (await http.get('/api/actions')).json()
    const bind = body.data.find((a: { name: string }) => a.name === 'enterprise.bind')
    expect(bind).toMatchObject({
      roles: ['guest'],
      payload: {
        type: 'object',
        required: ['creditCode', 'bindingCode', 'name', 'phone'],
        properties: { creditCode: { title: '统一社会信用代码' }, bindingCode: { title: '绑定码' } },
      },
    })
    expect(body.data.map((a: { name: string }) => a.name)).toContain('auth.devLogin')
  })

  it('signs in through dev login and then acts as that user', async () => {
    const users = (await post('auth.devUsers', {})).json().data as { id: string; role: string }[]
    const owner = users.find((u) => u.role === 'owner')!
    const login = (await post('auth.devLogin', { userId: owner.id })).json()
    expect(login.ok).toBe(true)
    const me = await post('auth.me', {}, login.data.token)
    expect(me.statusCode).toBe(200)
    expect(me.json().data).toMatchObject({ user: { id: owner.id, role: 'owner' }, enterprise: { name: expect.any(String) } })
  })

  it('no token is 401, a bad token is 401, a wrong role is 403, all in the envelope', async () => {
    expect((await post('auth.me', {})).statusCode).toBe(401)
    const forged = await post('auth.me', {}, 'eyJhbGciOiJIUzI1NiJ9.e30.x')
    expect(forged.statusCode).toBe(401)
    expect(forged.json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
    const login = (await post('auth.devLogin', { userId: town.admin.id })).json()
    const wrongRole = await post(
      'enterprise.bind',
      { creditCode: '91440300708461136T', bindingCode: '12345678', name: '张三', phone: '13600000000' },
      login.data.token,
    )
    expect(wrongRole.statusCode).toBe(403)
    expect(wrongRole.json().error.message).toMatch(/无权/)
  })

  it('a body that is not JSON is a 400 envelope, not a crash', async () => {
    const response = await http.raw('POST', '/api/auth.me', '{not json')
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
  })

  it('with dev login off, the dev actions are gone from the API and its documentation', async () => {
    const prod = buildHttpApp({ services: makeServices(store, { devLogin: false }).services })
    const prodHttp = await serve(prod)
    expect((await prodHttp.post('auth.devUsers', {})).statusCode).toBe(404)
    const documented = (await prodHttp.get('/api/actions')).json().data.map((a: { name: string }) => a.name)
    expect(documented).not.toContain('auth.devLogin')
    await prod.close()
  })
})
