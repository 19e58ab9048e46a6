import type { KyselyPlugin } from 'kysely'
import type { Caller } from '../../cloud/actions/context'
import { dispatch } from '../../cloud/app/router'
import type { AppealDetail } from '../../cloud/contract'
import type { Store } from '../../cloud/store/connect'
import { findUserById } from '../../cloud/store/repositories/users'
import { town } from '../support/town'
import { makeServices, makeStore } from '../support/services'

/**
 * How many statements the appeal's two busiest actions send (each is a round trip to PostgreSQL),
 * counted as they are executed (subqueries inside a statement are not statements; begin and commit
 * are not counted). A change that adds one to these paths should say why here.
 */
describe('statements per appeal action', () => {
  let store: Store
  let executed: string[]
  let services: ReturnType<typeof makeServices>['services']
  let owner: Caller
  let officer: Caller
  const enterprise = town.enterprises.grainFoods

  // transformResult runs once per statement executed, never for a subquery compiled into one.
  const counter: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      executed.push(args.queryId.queryId)
      return args.result
    },
  }

  beforeEach(async () => {
    store = await makeStore()
    ;({ services } = makeServices(store))
    services = { ...services, db: store.db.withPlugin(counter) }
    owner = { kind: 'user', user: (await findUserById(store.db, enterprise.owner.id))! }
    officer = { kind: 'user', user: (await findUserById(store.db, enterprise.officer_id))! }
    executed = []
  })
  afterEach(() => store.close())

  async function counted<T>(caller: Caller, action: string, payload: unknown): Promise<{ data: T; statements: number }> {
    executed = []
    const reply = await dispatch(services, caller, action, payload)
    if (!reply.body.ok) throw new Error(reply.body.error.message)
    return { data: reply.body.data as T, statements: executed.length }
  }

  const filing = {
    clientRequestId: 'req-round-trips-0001',
    category: '水电气路',
    title: '新厂房用电增容',
    description: '新上两条吹塑生产线，现有变压器容量不够。',
    contactName: enterprise.owner.name,
    contactPhone: '13800001111',
  }

  // On PostgreSQL the month's number and the first event ride in the appeal's insert and the push in
  // its message's, so the transaction is two writes instead of five (a month's filings queue on its lock).
  it('filing: one read before, five writes in the transaction (the number of the month, the appeal, its event, message and outbox; two on PostgreSQL), four reads of the page after', async () => {
    const { data, statements } = await counted<AppealDetail>(owner, 'appeal.create', filing)
    expect(data).toMatchObject({
      state: 'submitted',
      department: { id: town.departments.transport.id },
      handler: { id: enterprise.officer_id },
    })
    expect(data.timeline).toHaveLength(1)
    expect(statements).toBe(store.dialect === 'postgres' ? 7 : 10)
  })

  it('a retry of the same filing: one read, then the page', async () => {
    const first = await counted<AppealDetail>(owner, 'appeal.create', filing)
    const retry = await counted<AppealDetail>(owner, 'appeal.create', filing)
    expect(retry.data.id).toBe(first.data.id)
    expect(retry.statements).toBeLessThanOrEqual(5)
  })

  it("an appeal's page: four reads, for the owner and for staff alike", async () => {
    const { data: created } = await counted<AppealDetail>(owner, 'appeal.create', filing)
    for (const caller of [owner, officer]) {
      const { data, statements } = await counted<AppealDetail>(caller, 'appeal.get', { id: created.id })
      expect(data.id).toBe(created.id)
      expect(data.timeline[0].actorName).toBe(enterprise.owner.name)
      expect(statements).toBeLessThanOrEqual(4)
    }
  })

  it("someone else's appeal is refused after the same four reads, as a missing one", async () => {
    const { data: created } = await counted<AppealDetail>(owner, 'appeal.create', filing)
    const stranger: Caller = { kind: 'user', user: (await findUserById(store.db, town.enterprises.medPack.owner.id))! }
    executed = []
    const reply = await dispatch(services, stranger, 'appeal.get', { id: created.id })
    expect(reply.status).toBe(404)
    expect(executed.length).toBeLessThanOrEqual(4)
  })
})
