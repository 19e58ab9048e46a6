import { Caller } from '../../cloud/actions/context'
import { dispatch } from '../../cloud/app/router'
import { actions, type ActionName } from '../../cloud/contract'
import { ROLE_LABELS, ROLES, type Role } from '../../cloud/domain/roles'
import type { Store } from '../../cloud/store/connect'
import { makeUser } from '../support/factories'
import { makeServices, makeStore } from '../support/services'

/**
 * Every action × every role, generated from the contract: a new action is in this matrix the
 * moment it is declared. A role the contract does not list is refused by the router before the
 * payload is read, and nothing is written; a role it lists gets past the router.
 */
describe('permission matrix', () => {
  let store: Store
  beforeAll(async () => {
    store = await makeStore()
  })
  afterAll(() => store.close())

  const names = Object.keys(actions) as ActionName[]
  const cases = names.flatMap((name) => ROLES.map((role) => [name, role] as [ActionName, Role]))

  async function snapshot() {
    const counts = await Promise.all(
      (['appeals', 'appeal_events', 'users', 'enterprises', 'policies'] as const).map(async (table) =>
        Number(
          (
            await store.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ),
    )
    return counts.join(',')
  }

  it.each(cases)('%s as %s', async (name, role) => {
    const { services } = makeServices(store)
    const access = actions[name].access
    const caller: Caller = { kind: 'user', user: makeUser({ role }) }
    const before = await snapshot()
    const reply = await dispatch(services, caller, name, {})
    const refusedByRouter =
      reply.status === 403 && !reply.body.ok && reply.body.error.message === `当前身份（${ROLE_LABELS[role]}）无权执行此操作`
    if (access === 'public' || (access as readonly Role[]).includes(role)) {
      expect(refusedByRouter).toBe(false)
    } else {
      expect(refusedByRouter).toBe(true)
      expect(await snapshot()).toBe(before)
    }
  })

  it.each(names.filter((name) => actions[name].access !== 'public'))('%s without an identity is a 401', async (name) => {
    const { services } = makeServices(store)
    const reply = await dispatch(services, { kind: 'anonymous' }, name, {})
    expect(reply.status).toBe(401)
  })
})
