import type { Store } from '../../cloud/store/connect'
import { findPolicyById } from '../../cloud/store/repositories/policies'
import { policyAudienceReach } from '../../cloud/store/repositories/policy-reach'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { planOf, recordStatements } from '../support/statements'
import { town } from '../support/town'

const BODY = '## 谁能享受\n规上药包材企业\n\n## 能享受什么\n技改补助\n\n## 怎么办理\n向产业服务办申报'
/** A policy for 规上 药包材 enterprises, as an admin writes it. */
const draft = (overrides: Record<string, unknown> = {}) => ({
  title: '药包材企业技改补助',
  issuer: '沧县工业和信息化局',
  category: '产业扶持',
  effectiveFrom: '2026-03-01',
  summary: '一句话看懂：规上药包材企业技改可申请补助。',
  industries: ['药包材'],
  kinds: ['规上企业'],
  body: BODY,
  ...overrides,
})

describe('policies reaching enterprises', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const fitting = town.all.enterprises.filter((e) => e.industry === '药包材' && e.kind === '规上企业')
  const other = town.enterprises.grainFoods
  const reader = town.enterprises.medPack
  const admin = town.admin.id

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store)
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  async function published(overrides: Record<string, unknown> = {}) {
    const saved = await api.call(admin, 'policy.save', draft(overrides))
    const { notified } = await api.call(admin, 'policy.publish', { id: saved.id })
    return { id: saved.id, notified }
  }

  it('an admin writes a draft nobody else sees; publishing tells each fitting owner once', async () => {
    const saved = await api.call(admin, 'policy.save', draft())
    expect(saved).toMatchObject({ status: 'draft', kinds: ['规上企业'] })
    expect((await api.fail(reader.owner.id, 'policy.get', { id: saved.id })).status).toBe(404)
    expect((await api.call(reader.owner.id, 'policy.recommend', {})).map((p) => p.id)).not.toContain(saved.id)

    const { notified } = await api.call(admin, 'policy.publish', { id: saved.id })
    expect(fitting.length).toBeGreaterThan(1)
    expect(notified).toBe(fitting.length)
    const inbox = await api.call(reader.owner.id, 'message.list', {})
    expect(inbox).toMatchObject({
      unread: 1,
      items: [{ kind: 'policy.published', link: `/pages/policy-detail/index?id=${saved.id}`, read: false }],
    })
    expect((await api.call(other.owner.id, 'message.list', {})).unread).toBe(0)

    // Withdrawn and published again: nobody is told twice.
    await api.call(admin, 'policy.withdraw', { id: saved.id })
    expect((await api.fail(reader.owner.id, 'policy.get', { id: saved.id })).status).toBe(404)
    expect(await api.call(admin, 'policy.publish', { id: saved.id })).toEqual({ notified: 0 })
    expect((await api.fail(admin, 'policy.publish', { id: saved.id })).status).toBe(409)
  })

  it('为我推荐 gives what fits the enterprise, the specific before the general, each with its reason', async () => {
    const general = await published({ title: '全县企业用电优惠', industries: [], kinds: [] })
    const { id } = await published()
    const mine = await api.call(reader.owner.id, 'policy.recommend', {})
    expect(mine[0]).toMatchObject({ id, reason: '适用于药包材行业、规上企业' })
    expect(mine.find((p) => p.id === general.id)).toMatchObject({ reason: '面向各类企业' })
    expect(mine.findIndex((p) => p.id === general.id)).toBeGreaterThan(mine.findIndex((p) => p.id === id))
    expect((await api.call(other.owner.id, 'policy.recommend', {})).map((p) => p.id)).not.toContain(id)
    expect((await api.fail(town.guest.id, 'policy.recommend', {})).status).toBe(403)
  })

  it('reading counts once per person per day; saving is per person; the detail says why it fits', async () => {
    const { id } = await published()
    const first = await api.call(reader.owner.id, 'policy.get', { id })
    expect(first).toMatchObject({ favourite: false, reason: '适用于药包材行业、规上企业' })
    await api.call(reader.owner.id, 'policy.get', { id })
    await api.call(reader.officer_id, 'policy.get', { id })
    expect((await api.call(admin, 'policy.reach', { id })).readers).toBe(1)
    setup.clock.advance(24 * 3600_000)
    await api.call(reader.owner.id, 'policy.get', { id })
    expect((await api.call(admin, 'policy.reach', { id })).readers).toBe(1)

    await api.call(reader.owner.id, 'policy.favourite', { id, on: true })
    await api.call(reader.owner.id, 'policy.favourite', { id, on: true })
    expect((await api.call(reader.owner.id, 'policy.get', { id })).favourite).toBe(true)
    expect((await api.call(reader.owner.id, 'policy.favourites', {})).map((p) => p.id)).toEqual([id])
    expect((await api.call(other.owner.id, 'policy.get', { id })).reason).toBeNull()
    await api.call(reader.owner.id, 'policy.favourite', { id, on: false })
    expect(await api.call(reader.owner.id, 'policy.favourites', {})).toEqual([])
  })

  it('reach: an officer sees their own fitting enterprises and which have not read it; consultations count', async () => {
    const { id } = await published()
    const officer = reader.officer_id
    const theirs = fitting.filter((e) => e.officer_id === officer)
    expect(theirs.length).toBeLessThan(fitting.length)
    const before = await api.call(officer, 'policy.reach', { id })
    expect(before).toMatchObject({ matching: theirs.length, seen: 0 })
    expect(before.unseen.map((e) => e.id).sort()).toEqual(theirs.map((e) => e.id).sort())

    await api.call(reader.owner.id, 'policy.get', { id })
    await api.call(reader.owner.id, 'appeal.create', {
      clientRequestId: 'req-consult-0001',
      category: '政策兑现',
      title: '咨询：药包材企业技改补助',
      description: '我们今年有一条生产线技改，想咨询能否申请这项补助。',
      contactName: reader.owner.name,
      contactPhone: reader.owner.phone,
      policyId: id,
    })
    const after = await api.call(officer, 'policy.reach', { id })
    expect(after).toMatchObject({ readers: 1, consultations: 1, matching: theirs.length, seen: 1 })
    expect(after.unseen.map((e) => e.id)).not.toContain(reader.id)
    const everyone = await api.call(town.leader.id, 'policy.reach', { id })
    expect(everyone.matching).toBe(fitting.length)
    expect((await api.fail(reader.owner.id, 'policy.reach', { id })).status).toBe(403)
  })

  it('lists the first unseen enterprises by key; SQLite walks to them by key instead of sorting the whole audience', async () => {
    const { id } = await published({ industries: [...new Set(town.all.enterprises.map((e) => e.industry))], kinds: [] })
    const policy = (await findPolicyById(store.db, id))!
    const { db: recording, statements } = recordStatements(store)
    const everyone = await policyAudienceReach(store.db, policy, {}, 1_000)
    expect(everyone.unseen.length).toBeGreaterThan(3)
    const firstThree = await policyAudienceReach(recording, policy, {}, 3)
    expect(firstThree.unseen.map((e) => e.id).sort()).toEqual(
      everyone.unseen
        .map((e) => e.id)
        .sort()
        .slice(0, 3),
    )
    if (store.dialect === 'sqlite') {
      const listing = statements.find((q) => /limit/.test(q.sql))!
      const plan = await planOf(store, listing)
      expect(plan).not.toContain('TEMP B-TREE FOR ORDER BY')
    }
  })

  it('a qualification the policy asks for limits whom it reaches', async () => {
    const { id, notified } = await published({ industries: [], kinds: [], enterpriseTags: ['专精特新'] })
    const holders = town.all.enterprises.filter((e) => JSON.parse(e.tags).includes('专精特新'))
    expect(holders.length).toBeGreaterThan(0)
    expect(notified).toBe(holders.length)
    expect((await api.call(admin, 'policy.reach', { id })).matching).toBe(holders.length)
  })

  it('an unknown kind, a bad date or no title is a 400 naming the field; nothing saved', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kinds: ['大型企业'] }, 'kinds.0'],
      [{ effectiveFrom: '2026/03/01' }, 'effectiveFrom'],
      [{ expiresAt: '2026-02-01' }, 'expiresAt'],
      [{ title: '' }, 'title'],
    ]
    for (const [overrides, field] of cases) {
      const reply = await api.fail(admin, 'policy.save', draft(overrides))
      expect(reply).toMatchObject({ status: 400, body: { error: { field } } })
    }
    expect((await api.call(admin, 'policy.adminList', { status: 'draft' })).total).toBe(0)
    expect((await api.fail(reader.owner.id, 'policy.save', draft())).status).toBe(403)
  })

  it('a draft’s figures are for admins only: any other staff member with its id gets a 404, as for a missing one', async () => {
    const saved = await api.call(admin, 'policy.save', draft())
    expect((await api.call(admin, 'policy.reach', { id: saved.id })).matching).toBe(fitting.length)
    for (const staff of [town.officer.id, town.heads.industry.id, town.leader.id]) {
      expect(await api.fail(staff, 'policy.reach', { id: saved.id })).toMatchObject({ status: 404 })
    }
    await api.call(admin, 'policy.publish', { id: saved.id })
    expect((await api.call(town.officer.id, 'policy.reach', { id: saved.id })).matching).toBeGreaterThanOrEqual(0)
    await api.call(admin, 'policy.withdraw', { id: saved.id })
    expect(await api.fail(town.officer.id, 'policy.reach', { id: saved.id })).toMatchObject({ status: 404 })
  })

  it('messages: marking read touches only the caller’s own', async () => {
    await published()
    const [mine] = (await api.call(reader.owner.id, 'message.list', {})).items
    const neighbour = fitting.find((e) => e.id !== reader.id)!
    expect(await api.call(neighbour.owner.id, 'message.read', { ids: [mine.id] })).toEqual({ unread: 1 })
    expect((await api.call(reader.owner.id, 'message.list', {})).unread).toBe(1)
    expect(await api.call(reader.owner.id, 'message.read', {})).toEqual({ unread: 0 })
  })

  it('consulting an unknown or withdrawn policy, or an unknown service item, is a 400', async () => {
    const filing = {
      clientRequestId: 'req-consult-0002',
      category: '政策兑现',
      title: '咨询',
      description: '想咨询一下这项政策怎么申请。',
      contactName: '张三',
      contactPhone: '13800001111',
    }
    expect(await api.fail(reader.owner.id, 'appeal.create', { ...filing, policyId: 'pol-nowhere' })).toMatchObject({
      status: 400,
      body: { error: { field: 'policyId' } },
    })
    expect(await api.fail(reader.owner.id, 'appeal.create', { ...filing, serviceItemId: 'svc-nowhere' })).toMatchObject({
      status: 400,
      body: { error: { field: 'serviceItemId' } },
    })
  })
})
