import Taro from '@tarojs/taro'
import type { ActionName, ApiResult } from '../../cloud/contract'
import { currentToken } from './session'

/** Sends one action and answers the envelope; throws only when nothing came back at all. */
export type Transport = (action: string, payload: unknown) => Promise<ApiResult<unknown>>

/** The only actions the browser build may call before it has a session (the contract's public ones). */
export const SIGN_IN_ACTIONS: readonly ActionName[] = ['auth.devUsers', 'auth.devLogin']

/**
 * One function, both platforms. TARO_ENV is a build-time constant, so each build keeps only its own
 * branch: the WeChat package carries no fetch code and the browser bundle no cloud calls.
 */
export const platformTransport: Transport = async (action, payload) => {
  if (process.env.TARO_ENV === 'weapp') {
    // WeChat: the cloud function `api`, which knows the caller by OPENID.
    const { result } = await Taro.cloud.callFunction({ name: 'api', data: { action, payload } })
    return result as ApiResult<unknown>
  }

  // Browser: POST /api/<action> on the local host with the dev-login token. Without a session it
  // does not ask the server what it already knows the answer to.
  const token = currentToken()
  if (!token && !SIGN_IN_ACTIONS.includes(action as ActionName)) {
    return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }
  }
  const response = await fetch(`${API_BASE}/api/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(payload ?? {}),
  })
  return (await response.json()) as ApiResult<unknown>
}
