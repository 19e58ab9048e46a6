import { Deps } from '../../cloud/actions/context'
import { dispatch } from '../../cloud/app/router'
import type { ActionName, ActionOutput } from '../../cloud/contract'
import { findUserById } from '../../cloud/store/repositories/users'

/**
 * Calls actions as a seeded user, through the router as a host would. `call` returns the data or
 * throws with the status and error; `fail` returns the whole reply for tests of refusals.
 */
export function apiAs(services: Deps) {
  const caller = async (userId: string) => {
    const user = await findUserById(services.db, userId)
    if (!user) throw new Error(`no seeded user ${userId}`)
    return { kind: 'user' as const, user }
  }
  return {
    async call<A extends ActionName>(userId: string, action: A, payload: unknown): Promise<ActionOutput<A>> {
      const reply = await dispatch(services, await caller(userId), action, payload)
      if (!reply.body.ok)
        throw Object.assign(new Error(`${reply.status} ${reply.body.error.message}`), { status: reply.status, ...reply.body.error })
      return reply.body.data as ActionOutput<A>
    },
    async fail(userId: string, action: ActionName, payload: unknown) {
      return dispatch(services, await caller(userId), action, payload)
    },
  }
}
