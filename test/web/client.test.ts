import Taro from '@tarojs/taro'
import { ApiError, callApi, setTransport } from '../../src/api/client'
import { currentToken, saveSession } from '../../src/api/session'
import { actions, type ActionName } from '../../cloud/contract'
import { platformTransport, SIGN_IN_ACTIONS } from '../../src/api/transport'

const taro = Taro as unknown as {
  showToast: jest.Mock
  reLaunch: jest.Mock
  cloud: { callFunction: jest.Mock }
  __storage: Map<string, unknown>
}

declare const global: { API_BASE: string; fetch: jest.Mock }

beforeEach(() => {
  jest.clearAllMocks()
  taro.__storage.clear()
  process.env.TARO_ENV = 'h5'
  global.API_BASE = ''
})

describe('callApi', () => {
  it('resolves with the data of an ok envelope and shows nothing', async () => {
    setTransport(async () => ({ ok: true, data: { items: [], total: 0 } }))
    await expect(callApi('policy.list', {})).resolves.toEqual({ items: [], total: 0 })
    expect(taro.showToast).not.toHaveBeenCalled()
  })

  it("shows the server's message and rejects with its code and field", async () => {
    setTransport(async () => ({ ok: false, error: { code: 'BAD_REQUEST', message: '绑定码不正确', field: 'bindingCode' } }))
    const failure = callApi('enterprise.bind', { creditCode: 'x', bindingCode: 'y', name: 'z', phone: 'w' })
    await expect(failure).rejects.toBeInstanceOf(ApiError)
    await expect(failure).rejects.toMatchObject({ code: 'BAD_REQUEST', field: 'bindingCode', message: '绑定码不正确' })
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '绑定码不正确', icon: 'none' }))
  })

  it('stays quiet when asked to, and still rejects', async () => {
    setTransport(async () => ({ ok: false, error: { code: 'CONFLICT', message: '已被处理' } }))
    await expect(callApi('auth.me', {}, { silent: true })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(taro.showToast).not.toHaveBeenCalled()
  })

  it('a transport that throws becomes a network error the person can act on', async () => {
    setTransport(async () => {
      throw new TypeError('Failed to fetch')
    })
    await expect(callApi('auth.me', {})).rejects.toMatchObject({ message: '网络连接失败，请检查网络后重试' })
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络连接失败，请检查网络后重试' }))
  })

  it('in the browser, an expired session goes back to the login page', async () => {
    saveSession('t', Date.now() + 60_000)
    setTransport(async () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }))
    await expect(callApi('auth.me', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
    expect(currentToken()).toBeNull()
  })
})

describe('transport', () => {
  const cloudTransport: typeof platformTransport = (action, payload) => {
    process.env.TARO_ENV = 'weapp'
    return platformTransport(action, payload)
  }
  const httpTransport: typeof platformTransport = (action, payload) => {
    process.env.TARO_ENV = 'h5'
    return platformTransport(action, payload)
  }

  it('WeChat calls the cloud function `api` with the action and payload', async () => {
    taro.cloud.callFunction.mockResolvedValue({ result: { ok: true, data: 1 } })
    await expect(cloudTransport('policy.get', { id: 'pol-a' })).resolves.toEqual({ ok: true, data: 1 })
    expect(taro.cloud.callFunction).toHaveBeenCalledWith({ name: 'api', data: { action: 'policy.get', payload: { id: 'pol-a' } } })
  })

  it('the browser POSTs JSON to /api/<action> with the session token', async () => {
    global.fetch = jest.fn(async () => ({ json: async () => ({ ok: true, data: 2 }) }))
    saveSession('tok-123', Date.now() + 60_000)
    await expect(httpTransport('auth.me', {})).resolves.toEqual({ ok: true, data: 2 })
    expect(global.fetch).toHaveBeenCalledWith('/api/auth.me', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer tok-123' },
      body: '{}',
    })
  })

  it('without a live session only sign-in actions reach the server; the rest are unauthenticated at once', async () => {
    global.fetch = jest.fn(async () => ({ json: async () => ({ ok: true, data: 3 }) }))
    saveSession('old', Date.now() - 1)
    await expect(httpTransport('auth.me', {})).resolves.toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
    expect(global.fetch).not.toHaveBeenCalled()
    await httpTransport('auth.devUsers', {})
    expect(global.fetch.mock.calls[0][1].headers).toEqual({ 'content-type': 'application/json' })
  })

  it("the browser's sign-in actions are exactly the contract's public ones", () => {
    const publicActions = (Object.keys(actions) as ActionName[]).filter((name) => actions[name].access === 'public')
    expect([...SIGN_IN_ACTIONS].sort()).toEqual(publicActions.sort())
  })
})
