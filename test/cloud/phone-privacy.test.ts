import type { ActionName } from '../../cloud/contract'
import type { Role } from '../../cloud/domain/roles'
import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * Who sees whose phone. In full: one's own (to prefill forms), and the people serving one's own
 * enterprise or appeal (an owner calls their officer; a handler calls the appeal's contact). Lists
 * of third parties (the staff directory, inboxes, enterprise lists) carry no phone at all, or a
 * masked one (138****2830): they are where numbers would be collected in bulk.
 */
describe('phone numbers in lists', () => {
  let store: Store
  beforeAll(async () => {
    store = await makeStore()
    const api = apiAs(makeServices(store).services)
    const enterprise = town.enterprises.medPack
    await api.call(enterprise.owner.id, 'appeal.create', {
      clientRequestId: 'phone-list-0001',
      category: '融资',
      title: '续贷',
      description: '一笔贷款下月到期，希望协调银行续贷。',
      contactName: enterprise.owner.name,
      contactPhone: '13800001111',
    })
  })
  afterAll(() => store.close())

  const phones = [...town.all.users.map((u) => u.phone), ...town.all.owners.map((u) => u.phone), '13800001111']
  const caller: Record<Exclude<Role, 'guest'>, string> = {
    owner: town.enterprises.medPack.owner.id,
    officer: town.enterprises.medPack.officer_id,
    dept_head: town.heads.industry.id,
    leader: town.leader.id,
    admin: town.admin.id,
  }
  const lists: [ActionName, Exclude<Role, 'guest'>, unknown][] = [
    ['org.directory', 'officer', {}],
    ['org.directory', 'admin', {}],
    ['appeal.inbox', 'officer', { filter: 'open' }],
    ['appeal.inbox', 'leader', { filter: 'open' }],
    ['appeal.listMine', 'owner', {}],
    ['policy.reach', 'officer', { id: town.policies.proxyService.id }],
  ]

  it.each(lists)('%s as %s carries no phone number', async (action, role, payload) => {
    const reply = await apiAs(makeServices(store).services).fail(caller[role], action, payload)
    expect(reply.status).toBe(200)
    const json = JSON.stringify(reply.body)
    expect(phones.filter((phone) => json.includes(phone))).toEqual([])
  })

  it('the appeal itself gives its handler the contact’s phone, and the owner the handler’s, in full', async () => {
    const api = apiAs(makeServices(store).services)
    const [summary] = (await api.call(caller.owner, 'appeal.listMine', {})).items
    const seen = await api.call(caller.officer, 'appeal.get', { id: summary.id })
    expect(seen.contactPhone).toBe('13800001111')
    const own = await api.call(caller.owner, 'appeal.get', { id: summary.id })
    expect(own.handler?.phone).toMatch(/^1\d{10}$/)
  })

  // Reported, not fixed here: cloud/actions/visit/visit-compliance.ts (the visits work in progress)
  // lists every colleague's phone in full; `phone: maskPhone(...)` from cloud/domain/phone.ts for
  // rows that are not the caller's own would fix it, and this test then fails: make it an `it`.
  it('visit.compliance masks the phones of the colleagues it lists', async () => {
    const { people } = await apiAs(makeServices(store).services).call(caller.leader, 'visit.compliance', {})
    const others = people.filter((row) => row.person.id !== caller.leader)
    expect(others.length).toBeGreaterThan(0)
    for (const row of others) expect(row.person.phone).toMatch(/^\d{3}\*{4}\d{4}$|^$/)
  })
})
