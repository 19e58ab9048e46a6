import { Deps } from '../../cloud/actions/context'
import { callerFromOpenid } from '../../cloud/app/identity'
import { dispatch } from '../../cloud/app/router'
import { actions, type ActionName, type ActionOutput } from '../../cloud/contract'
import { findUserById } from '../../cloud/store/repositories/users'

/**
 * Calls actions as a seeded user, through the router as a host would. `call` returns the data or
 * throws with the status and error; `fail` returns the whole reply for tests of refusals.
 */
let requests = 0

/**
 * As the app does, one request id per submit of a create-like action (one whose payload takes a
 * clientRequestId), unless the test names its own: a test of a retry sends the same one twice.
 */
function withRequestId(action: ActionName, payload: unknown): unknown {
  const input = actions[action].input as { shape?: Record<string, unknown>; in?: { shape?: Record<string, unknown> } }
  const shape = input.shape ?? input.in?.shape
  if (!shape || !('clientRequestId' in shape) || typeof payload !== 'object' || payload === null || 'clientRequestId' in payload)
    return payload
  return { ...payload, clientRequestId: `test-request-${++requests}` }
}

export function apiAs(services: Deps) {
  const caller = async (userId: string) => {
    const user = await findUserById(services.db, userId)
    if (!user) throw new Error(`no seeded user ${userId}`)
    return { kind: 'user' as const, user }
  }
  return {
    async call<A extends ActionName>(userId: string, action: A, payload: unknown): Promise<ActionOutput<A>> {
      const reply = await dispatch(services, await caller(userId), action, withRequestId(action, payload))
      if (!reply.body.ok)
        throw Object.assign(new Error(`${reply.status} ${reply.body.error.message}`), { status: reply.status, ...reply.body.error })
      return reply.body.data as ActionOutput<A>
    },
    async fail(userId: string, action: ActionName, payload: unknown) {
      return dispatch(services, await caller(userId), action, withRequestId(action, payload))
    },
  }
}

/**
 * Calls actions as a WeChat user, as the cloud function does: the caller is whoever the OPENID is
 * now (a guest the first time, the member of staff once they claim an invitation, a guest again
 * once their account is closed). `fail` answers the status the local host would send and the body.
 */
export function wechatAs(services: Deps, openid: string) {
  const send = async (action: ActionName, payload: unknown) => {
    const caller = await callerFromOpenid(services.db, services.clock, openid)
    return dispatch(services, caller, action, payload)
  }
  return {
    openid,
    async call<A extends ActionName>(action: A, payload: unknown): Promise<ActionOutput<A>> {
      const reply = await send(action, payload)
      if (!reply.body.ok)
        throw Object.assign(new Error(`${reply.status} ${reply.body.error.message}`), { status: reply.status, ...reply.body.error })
      return reply.body.data as ActionOutput<A>
    },
    fail: send,
    /** The user row the OPENID reaches now. */
    async user() {
      const caller = await callerFromOpenid(services.db, services.clock, openid)
      if (caller.kind !== 'user') throw new Error(`${openid} reaches nobody`)
      return caller.user
    },
  }
}
