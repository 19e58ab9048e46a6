import { inZone } from '../../cloud/domain/clock'
import { Caller } from '../../cloud/actions/context'
import { dispatch } from '../../cloud/app/router'
import type { AppealDetail, AppealSummary, InboxResult, Page } from '../../cloud/contract'
import type { Store } from '../../cloud/store/connect'
import { findUserById, type UserRow } from '../../cloud/store/repositories/users'
import { town } from '../support/town'
import { makeServices, makeStore } from '../support/services'

/**
 * Drives the API as the town's people would: an owner, their officer, another owner, a leader. The
 * 水电气路 appeal of grainFoods is routed to 交通保障办 and held by its own officer (金融服务办).
 */
describe('appeals through the API', () => {
  let store: Store
  let services: ReturnType<typeof makeServices>['services']
  let clock: ReturnType<typeof makeServices>['clock']
  const enterprise = town.enterprises.grainFoods
  const other = town.enterprises.medPack
  const people: Record<string, UserRow> = {}

  beforeEach(async () => {
    store = await makeStore()
    ;({ services, clock } = makeServices(store))
    for (const id of [enterprise.owner.id, enterprise.officer_id, other.owner.id, other.officer_id, town.leader.id, town.guest.id]) {
      people[id] = (await findUserById(store.db, id))!
    }
  })
  afterEach(() => store.close())

  const as = (id: string): Caller => ({ kind: 'user', user: people[id] })
  async function call<T>(who: string, action: string, payload: unknown): Promise<T> {
    const reply = await dispatch(services, as(who), action, payload)
    if (!reply.body.ok) throw Object.assign(new Error(reply.body.error.message), { status: reply.status, ...reply.body.error })
    return reply.body.data as T
  }
  const fail = (who: string, action: string, payload: unknown) => dispatch(services, as(who), action, payload)

  const filing = (overrides: Record<string, unknown> = {}) => ({
    clientRequestId: 'req-0001-abcdef',
    category: '水电气路',
    title: '新厂房用电增容',
    description: '新上两条吹塑生产线，现有变压器容量不够，需要增容到 800 千伏安。',
    contactName: enterprise.owner.name,
    contactPhone: '13800001111',
    ...overrides,
  })

  it('an owner files an appeal: routed by category, held by their officer, due for acceptance in 24 h', async () => {
    const appeal = await call<AppealDetail>(enterprise.owner.id, 'appeal.create', filing())
    expect(appeal).toMatchObject({
      state: 'submitted',
      stateLabel: '待受理',
      enterpriseName: enterprise.name,
      department: { id: town.departments.transport.id },
      handler: { id: enterprise.officer_id },
      dueAt: clock.now() + 24 * 3600_000,
      dueLabel: '受理期限',
      overdue: false,
    })
    expect(appeal.timeline).toEqual([
      expect.objectContaining({ action: 'create', toState: 'submitted', actorName: people[enterprise.owner.id].name }),
    ])
  })

  it('a retried submit with the same request id creates one appeal', async () => {
    const [a, b] = await Promise.all([
      call<AppealDetail>(enterprise.owner.id, 'appeal.create', filing()),
      call<AppealDetail>(enterprise.owner.id, 'appeal.create', filing()),
    ])
    const again = await call<AppealDetail>(enterprise.owner.id, 'appeal.create', filing())
    expect(new Set([a.id, b.id, again.id]).size).toBe(1)
    const list = await call<Page<AppealSummary>>(enterprise.owner.id, 'appeal.listMine', {})
    expect(list.total).toBe(1)
  })

  it('urgent appeals are due for acceptance in 2 hours', async () => {
    const appeal = await call<AppealDetail>(enterprise.owner.id, 'appeal.create', filing({ urgency: 'urgent' }))
    expect(appeal.dueAt).toBe(clock.now() + 2 * 3600_000)
    expect(appeal.closeDueAt).toBe(clock.now() + 24 * 3600_000)
  })

  it('risky text is refused and nothing is saved; text for review is saved and flagged', async () => {
    const risky = await fail(enterprise.owner.id, 'appeal.create', filing({ description: '这里有违禁内容，需要处理一下谢谢' }))
    expect(risky.status).toBe(400)
    expect(risky.body).toMatchObject({ ok: false, error: { field: 'description' } })
    expect(await store.db.selectFrom('appeals').selectAll().execute()).toEqual([])
    await call(enterprise.owner.id, 'appeal.create', filing({ description: '这段内容待审，请人工看一下再处理' }))
    expect(await store.db.selectFrom('appeals').select('moderation').execute()).toEqual([{ moderation: 'review' }])
  })

  it.each([
    [{ category: '吃饭' }, 'category'],
    [{ title: '' }, 'title'],
    [{ description: '太短了' }, 'description'],
    [{ contactPhone: '12345' }, 'contactPhone'],
    [{ enterpriseId: town.enterprises.medPack.id }, 'enterpriseId'],
  ])('a bad filing %j is a 400 naming %s and saves nothing', async (overrides, field) => {
    const reply = await fail(enterprise.owner.id, 'appeal.create', filing(overrides))
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field } })
    expect(await store.db.selectFrom('appeals').selectAll().execute()).toEqual([])
  })

  it('nobody else sees it: another owner and another officer get 404, a guest 403', async () => {
    const appeal = await call<AppealDetail>(enterprise.owner.id, 'appeal.create', filing())
    expect((await fail(other.owner.id, 'appeal.get', { id: appeal.id })).status).toBe(404)
    expect((await fail(other.officer_id, 'appeal.get', { id: appeal.id })).status).toBe(404)
    expect((await fail(town.guest.id, 'appeal.get', { id: appeal.id })).status).toBe(403)
    expect((await call<Page<AppealSummary>>(other.owner.id, 'appeal.listMine', {})).total).toBe(0)
    expect((await call<AppealDetail>(town.leader.id, 'appeal.get', { id: appeal.id })).id).toBe(appeal.id)
  })

  it('the whole way: accept → progress → resolve → rated 满意 closes it, every step in the timeline', async () => {
    const officer = enterprise.officer_id
    const created = await call<AppealDetail>(enterprise.owner.id, 'appeal.create', filing())
    const inbox = await call<InboxResult>(officer, 'appeal.inbox', { filter: 'awaiting_acceptance' })
    expect(inbox.items.map((a) => a.id)).toEqual([created.id])
    expect(inbox.counts).toMatchObject({ open: 1, awaitingAcceptance: 1, overdue: 0, done: 0 })
    // The owner may add to it or withdraw it (撤回), nothing else.
    expect(created.allowedMoves).toEqual(['addInfo', 'withdraw'])

    clock.advance(3600_000)
    const accepted = await call<AppealDetail>(officer, 'appeal.accept', {
      id: created.id,
      version: created.version,
      publicSummary: '企业诉求已受理，正在协调办理',
    })
    expect(accepted).toMatchObject({ state: 'accepted', dueLabel: '办结期限', dueAt: created.closeDueAt })
    const progressed = await call<AppealDetail>(officer, 'appeal.progress', {
      id: created.id,
      version: accepted.version,
      note: '已联系供电所现场勘查',
    })
    const noKind = await fail(officer, 'appeal.resolve', {
      id: created.id,
      version: progressed.version,
      outcome: '供电所完成增容',
      helpAmount: 5,
    })
    expect(noKind.body).toMatchObject({ ok: false, error: { field: 'helpAmount' } })
    const resolved = await call<AppealDetail>(officer, 'appeal.resolve', {
      id: created.id,
      version: progressed.version,
      outcome: '供电所完成增容',
      helpKind: 'subsidy',
      helpAmount: 200_000,
    })
    expect(resolved).toMatchObject({ state: 'resolved', dueAt: null, help: '补贴 20 万元' })

    const ownerView = await call<AppealDetail>(enterprise.owner.id, 'appeal.get', { id: created.id })
    expect(ownerView.allowedMoves).toEqual(['rate'])
    const rated = await call<AppealDetail>(enterprise.owner.id, 'appeal.rate', {
      id: created.id,
      version: ownerView.version,
      rating: 'satisfied',
    })
    expect(rated.state).toBe('closed')
    expect(rated.timeline.map((e) => e.action)).toEqual(['create', 'accept', 'progress', 'resolve', 'rate'])
    expect(rated.timeline[2]).toMatchObject({ note: '已联系供电所现场勘查', toStateLabel: '办理中' })
  })

  it('a follow-up call is recorded by someone other than the handler and moves nothing', async () => {
    const officer = enterprise.officer_id
    let appeal = await call<AppealDetail>(enterprise.owner.id, 'appeal.create', filing())
    appeal = await call<AppealDetail>(officer, 'appeal.accept', {
      id: appeal.id,
      version: appeal.version,
      publicSummary: '企业诉求已受理，正在协调办理',
    })
    expect((await fail(town.leader.id, 'appeal.followUp', { id: appeal.id, version: appeal.version, note: '企业表示满意' })).status).toBe(
      409,
    )
    appeal = await call<AppealDetail>(officer, 'appeal.resolve', { id: appeal.id, version: appeal.version, outcome: '已答复' })
    const self = await fail(officer, 'appeal.followUp', { id: appeal.id, version: appeal.version, note: '企业表示满意' })
    expect(self.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '回访应由承办人以外的工作人员进行' } })
    const leaderView = await call<AppealDetail>(town.leader.id, 'appeal.get', { id: appeal.id })
    expect(leaderView.allowedMoves).toEqual(['followUp'])
    const followed = await call<AppealDetail>(town.leader.id, 'appeal.followUp', {
      id: appeal.id,
      version: appeal.version,
      note: '企业表示满意',
    })
    expect(followed.state).toBe('resolved')
    expect(followed.timeline.at(-1)).toMatchObject({ action: 'followUp', actionLabel: '回访', note: '企业表示满意', toState: 'resolved' })
  })

  it('交办 and 转办: the head gives it to an officer of the department; the handler sends it elsewhere', async () => {
    const appeal = await call<AppealDetail>(enterprise.owner.id, 'appeal.create', filing())
    const head = town.heads.transport
    const ownOfficer = town.officers.transport
    const stranger = town.officer
    expect(stranger.department_id).not.toBe(town.departments.transport.id)
    for (const u of [head, ownOfficer]) people[u.id] = (await findUserById(store.db, u.id))!

    const wrongOfficer = await fail(head.id, 'appeal.assign', { id: appeal.id, version: appeal.version, officerId: stranger.id })
    expect(wrongOfficer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'officerId' } })
    const assigned = await call<AppealDetail>(head.id, 'appeal.assign', {
      id: appeal.id,
      version: appeal.version,
      officerId: ownOfficer.id,
    })
    expect(assigned).toMatchObject({ state: 'submitted', handler: { id: ownOfficer.id } })
    expect(assigned.timeline.at(-1)).toMatchObject({ action: 'assign', note: `交办给 ${ownOfficer.name}` })
    // The enterprise's own officer still follows it, but no longer holds it.
    expect(
      (
        await fail(enterprise.officer_id, 'appeal.accept', {
          id: appeal.id,
          version: assigned.version,
          publicSummary: '企业诉求已受理，正在协调办理',
        })
      ).status,
    ).toBe(403)

    const transferred = await call<AppealDetail>(ownOfficer.id, 'appeal.transfer', {
      id: appeal.id,
      version: assigned.version,
      departmentId: town.departments.planning.id,
      reason: '涉及新厂房用地红线',
    })
    expect(transferred).toMatchObject({ department: { id: town.departments.planning.id }, handler: null, dueAt: appeal.dueAt })
    // Out of the transferring officer's sight now, and in the new department head's.
    expect((await fail(ownOfficer.id, 'appeal.get', { id: appeal.id })).status).toBe(404)
    const landHead = town.heads.planning
    people[landHead.id] = (await findUserById(store.db, landHead.id))!
    expect((await call<InboxResult>(landHead.id, 'appeal.inbox', {})).items.map((a) => a.id)).toContain(appeal.id)
    const directory = await call<{ departments: { id: string }[]; officers: { departmentId: string }[] }>(landHead.id, 'org.directory', {})
    expect(directory.departments.map((d) => d.id)).toEqual(town.all.departments.map((d) => d.id))
    expect(directory.officers.length).toBe(town.all.officers.length)
    const same = await fail(landHead.id, 'appeal.transfer', {
      id: appeal.id,
      version: transferred.version,
      departmentId: town.departments.planning.id,
      reason: '已在本部门',
    })
    expect(same.body).toMatchObject({ ok: false, error: { field: 'departmentId' } })
  })

  it('不满意 (a 差评) needs a reason and reopens the appeal to be rectified within 15 working days', async () => {
    const officer = enterprise.officer_id
    let appeal = await call<AppealDetail>(enterprise.owner.id, 'appeal.create', filing())
    appeal = await call<AppealDetail>(officer, 'appeal.accept', {
      id: appeal.id,
      version: appeal.version,
      publicSummary: '企业诉求已受理，正在协调办理',
    })
    appeal = await call<AppealDetail>(officer, 'appeal.resolve', { id: appeal.id, version: appeal.version, outcome: '已答复' })
    const noReason = await fail(enterprise.owner.id, 'appeal.rate', { id: appeal.id, version: appeal.version, rating: 'unsatisfied' })
    expect(noReason.body).toMatchObject({ ok: false, error: { field: 'reason' } })
    clock.advance(24 * 3600_000)
    const reopened = await call<AppealDetail>(enterprise.owner.id, 'appeal.rate', {
      id: appeal.id,
      version: appeal.version,
      rating: 'unsatisfied',
      reason: '增容仍未完成',
    })
    // Rated on Tuesday 3 March 2026: the 15th working day after is Tuesday 24 March, to its end.
    expect(inZone(clock.now()).format('YYYY-MM-DD')).toBe('2026-03-03')
    expect(reopened).toMatchObject({ state: 'reopened', stateLabel: '整改中', dueAt: Date.parse('2026-03-24T23:59:59.999+08:00') })
    expect(reopened.rectification).toEqual({ dueAt: Date.parse('2026-03-24T23:59:59.999+08:00'), doneAt: null })
  })

  it('two people accepting at once: exactly one wins, the other gets a 409 that says what happened', async () => {
    const appeal = await call<AppealDetail>(enterprise.owner.id, 'appeal.create', filing())
    const head = town.heads.transport
    people[head.id] = (await findUserById(store.db, head.id))!
    const replies = await Promise.all([
      fail(enterprise.officer_id, 'appeal.accept', {
        id: appeal.id,
        version: appeal.version,
        publicSummary: '企业诉求已受理，正在协调办理',
      }),
      fail(head.id, 'appeal.accept', { id: appeal.id, version: appeal.version, publicSummary: '企业诉求已受理，正在协调办理' }),
    ])
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409])
    const loser = replies.find((r) => r.status === 409)!
    expect(loser.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已受理') } })
    expect(await store.db.selectFrom('appeal_events').select('action').where('appeal_id', '=', appeal.id).execute()).toHaveLength(2)
  })

  it('only the handler moves it; the owner cannot accept and another officer cannot resolve', async () => {
    const appeal = await call<AppealDetail>(enterprise.owner.id, 'appeal.create', filing())
    expect(
      (await fail(enterprise.owner.id, 'appeal.accept', { id: appeal.id, version: 0, publicSummary: '企业诉求已受理，正在协调办理' }))
        .status,
    ).toBe(403)
    expect(
      (await fail(other.officer_id, 'appeal.accept', { id: appeal.id, version: 0, publicSummary: '企业诉求已受理，正在协调办理' })).status,
    ).toBe(404)
    expect((await fail(enterprise.officer_id, 'appeal.resolve', { id: appeal.id, version: 0, outcome: '办好了' })).status).toBe(409)
  })

  it('the inbox puts what is overdue first and counts it', async () => {
    const first = await call<AppealDetail>(enterprise.owner.id, 'appeal.create', filing({ clientRequestId: 'req-first-0001' }))
    clock.advance(20 * 3600_000)
    const second = await call<AppealDetail>(
      enterprise.owner.id,
      'appeal.create',
      filing({ clientRequestId: 'req-second-001', urgency: 'urgent' }),
    )
    clock.advance(5 * 3600_000)
    const inbox = await call<InboxResult>(enterprise.officer_id, 'appeal.inbox', { filter: 'open' })
    expect(inbox.items.map((a) => [a.id, a.overdue])).toEqual([
      [second.id, true],
      [first.id, true],
    ])
    expect(inbox.counts).toMatchObject({ open: 2, overdue: 2, awaitingAcceptance: 2 })
  })
})
