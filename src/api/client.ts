import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ActionOutput, ApiErrorBody, ApiResult } from '../../cloud/contract'
import { forgetMe, ME_CHANGES } from './query'
import { clearSession } from './session'
import { platformTransport, type Transport } from './transport'

/** A failed action, as the server described it. Callers may catch it to react; the toast is shown already. */
export class ApiError extends Error {
  readonly code: ApiErrorBody['code'] | 'NETWORK'
  readonly field?: string

  constructor(body: { code: ApiError['code']; message: string; field?: string }) {
    super(body.message)
    this.name = 'ApiError'
    this.code = body.code
    this.field = body.field
  }
}

export const LOGIN_PAGE = '/pages/login/index'

let transport: Transport = platformTransport

/** For tests: replace how actions are sent. */
export function setTransport(next: Transport): void {
  transport = next
}

export interface CallOptions {
  /** Do not show the toast; the caller shows the error its own way. */
  silent?: boolean
}

/**
 * Calls one action of the API. Resolves with its data; on failure shows the server's message as a
 * toast, sends an unauthenticated browser session back to the login page, and rejects with ApiError.
 */
export async function callApi<A extends ActionName>(
  action: A,
  payload: ActionInput<A>,
  options: CallOptions = {},
): Promise<ActionOutput<A>> {
  const data = settle((await transport(action, payload).catch(() => NETWORK_FAILURE)) as ApiResult<ActionOutput<A>>, options)
  if (ME_CHANGES.includes(action)) forgetMe()
  return data
}

export const NETWORK_FAILURE: ApiResult<never> = { ok: false, error: { code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' } }

/**
 * An envelope from the API (an action, or an upload) to its data; a failure is shown as a toast
 * (or, for an expired browser session, sends it to the login page) and thrown as ApiError.
 */
export function settle<T>(result: ApiResult<T>, options: CallOptions = {}): T {
  if (result.ok) return result.data

  const error = new ApiError(result.error)
  if (error.code === 'UNAUTHENTICATED' && process.env.TARO_ENV === 'h5') {
    clearSession()
    void Taro.reLaunch({ url: LOGIN_PAGE })
  } else if (!options.silent) {
    void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 })
  }
  throw error
}
