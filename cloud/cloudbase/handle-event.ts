import { Deps } from '../actions/context'
import { callerFromOpenid } from '../app/identity'
import { dispatch } from '../app/router'
import type { ApiResult } from '../contract'

/** What the mini-program sends through Taro.cloud.callFunction({ name: 'api', data }). */
export interface CloudEvent {
  action?: unknown
  payload?: unknown
}

/**
 * One cloud-function call: identity from the OPENID WeChat attached (never from the event),
 * then the same router as the local host. CloudBase has no HTTP status, so only the envelope returns.
 */
export async function handleCloudEvent(services: Deps, event: CloudEvent, openid: string | undefined): Promise<ApiResult<unknown>> {
  const caller = await callerFromOpenid(services.db, services.clock, openid)
  const action = typeof event.action === 'string' ? event.action : ''
  return (await dispatch(services, caller, action, event.payload)).body
}
