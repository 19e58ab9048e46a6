import type { AppealDetail } from '../../cloud/contract'
import { alikeAppeals } from '../../cloud/domain/appeal/aggregation'
import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

describe('alike appeals (pure)', () => {
  const target = {
    id: 'a',
    enterpriseId: 'e1',
    park: '杜生工业园',
    title: '厂区门前道路坑洼',
    description: '门前道路坑洼积水，货车进出困难，请求修路。',
  }
  const candidate = (id: string, enterpriseId: string, park: string, title: string, description: string) => ({
    id,
    enterpriseId,
    park,
    title,
    description,
  })

  it('alike text is found, unrelated text is not, and the park lowers the bar', () => {
    const found = alikeAppeals(target, [
      candidate('b', 'e2', '镇区', '门口道路坑洼', '厂门口道路坑洼积水，大货车进出困难。'),
      candidate('c', 'e3', '沧东经济开发区', '用电增容', '变压器容量不够，需要增容。'),
      candidate('d', 'e4', '杜生工业园', '园区路面破损', '园区道路破损，货车进出不便。'),
      candidate('e', 'e5', '镇区', '园区路面破损', '园区道路破损，货车进出不便。'),
      candidate('a', 'e1', '杜生工业园', target.title, target.description),
    ])
    expect(found.map((f) => f.appeal.id)).toEqual(['b', 'd'])
    expect(found[1]).toMatchObject({ samePark: true, sameEnterprise: false })
  })
})

/**
 * 问题汇聚 and 并单 through the API: three enterprises of one park report the road outside; the head
 * of the department they were routed to links them and resolves them as one.
 */
describe('groups (并案办理) and merging (并单)', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const park = town.all.enterprises.filter((e) => e.park === town.enterprises.medPack.park)
  const [first, second, third] = park
  const head = town.heads.transport.id
  /** An officer of the routed department (交通保障办) who holds none of these appeals. */
  const routedOfficer = town.officers.transport.id
  let n = 0

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store)
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  async function file(owner: string, title: string, description: string, category = '物流通行'): Promise<AppealDetail> {
    setup.clock.advance(60_000)
    return api.call(owner, 'appeal.create', {
      clientRequestId: `req-group-${++n}-0000`,
      category,
      title,
      description,
      contactName: '联系人',
      contactPhone: '13800001111',
    })
  }
  const road = (owner: string, words = '厂区门前道路坑洼积水，货车进出困难，请求尽快修路。') => file(owner, '门前道路坑洼', words)

  it('the head finds the alike ones, links them, and resolving the lead resolves every member for its own enterprise', async () => {
    const lead = await road(first.owner.id)
    const b = await road(second.owner.id, '门口道路坑洼积水严重，大货车进出困难。')
    const c = await road(third.owner.id, '园区道路坑洼，货车进出困难，下雨积水。')
    const unrelated = await file(third.owner.id, '夜间货车限行', '希望放宽夜间货车限行时间，方便发货。')

    const similar = await api.call(head, 'appeal.similar', { id: lead.id })
    expect(similar.map((s) => s.id).sort()).toEqual([b.id, c.id].sort())
    expect(similar.map((s) => s.id)).not.toContain(unrelated.id)
    expect(similar[0]).toMatchObject({
      samePark: true,
      sameEnterprise: false,
      inGroup: false,
      mergeTarget: false,
      score: expect.any(Number),
    })

    const linked = await api.call(head, 'appeal.link', { id: lead.id, version: lead.version, memberIds: [b.id, c.id] })
    expect(linked.group?.members.map((m) => m.id)).toEqual([lead.id, b.id, c.id])
    const memberView = await api.call(second.owner.id, 'appeal.get', { id: b.id })
    expect(memberView).toMatchObject({ group: { leadId: lead.id, members: [] }, handler: { id: first.officer_id } })
    expect(memberView.timeline.at(-1)).toMatchObject({ action: 'link', actionLabel: '并案办理', note: '并入《门前道路坑洼》一并办理' })
    expect(
      (await api.call(head, 'appeal.similar', { id: lead.id }))
        .filter((s) => s.inGroup)
        .map((s) => s.id)
        .sort(),
    ).toEqual([b.id, c.id].sort())

    const accepted = await api.call(head, 'appeal.accept', {
      id: lead.id,
      version: linked.version,
      publicSummary: '企业诉求已受理，正在协调办理',
    })
    const resolved = await api.call(head, 'appeal.resolve', {
      id: lead.id,
      version: accepted.version,
      outcome: '镇里协调交通部门完成路面修补',
    })
    expect(resolved.group?.members.map((m) => m.stateLabel)).toEqual(['已办结', '已办结', '已办结'])
    for (const [owner, id] of [
      [second.owner.id, b.id],
      [third.owner.id, c.id],
    ]) {
      const view = await api.call(owner, 'appeal.get', { id })
      expect(view).toMatchObject({ state: 'resolved', allowedMoves: ['rate'] })
      expect(view.timeline.at(-1)).toMatchObject({ action: 'resolveWithGroup', note: '镇里协调交通部门完成路面修补' })
    }
    expect((await api.call(third.owner.id, 'appeal.get', { id: unrelated.id })).state).toBe('submitted')
  })

  it('refuses a member of another category, one in a group already, itself, or one the caller cannot move; nothing is linked', async () => {
    const lead = await road(first.owner.id)
    const b = await road(second.owner.id)
    const other = await file(third.owner.id, '门前道路坑洼', '厂区门前道路坑洼积水，货车进出困难，请求尽快修路。', '水电气路')
    const refused = async (who: string, memberIds: string[], words: string) => {
      const reply = await api.fail(who, 'appeal.link', { id: lead.id, version: lead.version, memberIds })
      expect(reply).toMatchObject({ status: 400, body: { error: { field: 'memberIds', message: expect.stringContaining(words) } } })
    }
    await refused(head, [b.id, other.id], '类别或办理部门不同')
    await refused(head, [lead.id], '就是这条诉求本身')
    await refused(head, ['ap-nowhere'], '不存在或无权查看')
    // An officer of another department does not even see the other enterprise's appeal; one of the
    // routed department sees it but does not hold it.
    expect([first.officer_id, second.officer_id]).not.toContain(routedOfficer)
    await refused(first.officer_id, [b.id], '不存在或无权查看')
    await refused(routedOfficer, [b.id], '当前不能由您并案')
    expect((await api.call(head, 'appeal.get', { id: b.id })).group).toBeNull()

    const linked = await api.call(head, 'appeal.link', { id: lead.id, version: lead.version, memberIds: [b.id] })
    const again = await file(third.owner.id, '门前道路坑洼', '厂区门前道路坑洼积水，货车进出困难。')
    const newLead = await api.call(head, 'appeal.link', { id: again.id, version: again.version, memberIds: [b.id] }).catch((e) => e)
    expect(newLead).toMatchObject({ status: 400, message: expect.stringContaining('已在并案办理中') })
    const memberAsLead = await api.fail(head, 'appeal.link', {
      id: b.id,
      version: (await api.call(head, 'appeal.get', { id: b.id })).version,
      memberIds: [again.id],
    })
    expect(memberAsLead.status).toBe(409)
    expect(linked.group?.members).toHaveLength(2)
  })

  it('并单: a duplicate from the same enterprise ends in the earlier appeal, which records it', async () => {
    const earlier = await road(first.owner.id)
    const duplicate = await road(first.owner.id, '再次反映：厂区门前道路坑洼积水，货车进出困难。')
    const officer = first.officer_id
    const similar = await api.call(officer, 'appeal.similar', { id: duplicate.id })
    expect(similar.find((s) => s.id === earlier.id)).toMatchObject({ sameEnterprise: true, mergeTarget: true })

    const merged = await api.call(officer, 'appeal.merge', { id: duplicate.id, version: duplicate.version, intoId: earlier.id })
    expect(merged).toMatchObject({
      state: 'merged',
      stateLabel: '已并单',
      dueAt: null,
      mergedInto: { id: earlier.id, title: '门前道路坑洼' },
    })
    const owner = await api.call(first.owner.id, 'appeal.get', { id: earlier.id })
    expect(owner.state).toBe('submitted')
    expect(owner.timeline.at(-1)).toMatchObject({
      action: 'mergedIn',
      actionLabel: '合并重复诉求',
      note: expect.stringContaining('再次反映'),
    })
  })

  it('并单 refuses another enterprise, a later appeal, itself and a finished one, and changes nothing', async () => {
    const mine = await road(first.owner.id)
    const theirs = await road(second.owner.id)
    const later = await road(first.owner.id)
    const officer = first.officer_id
    for (const [id, intoId, words] of [
      [later.id, theirs.id, '同一企业'],
      [mine.id, later.id, '先提交'],
      [mine.id, mine.id, '不能并入自己'],
    ] as const) {
      const version = (await api.call(head, 'appeal.get', { id })).version
      const reply = await api.fail(head, 'appeal.merge', { id, version, intoId })
      expect(reply).toMatchObject({ status: 400, body: { error: { field: 'intoId', message: expect.stringContaining(words) } } })
    }
    const taken = await api.call(officer, 'appeal.accept', {
      id: mine.id,
      version: mine.version,
      publicSummary: '企业诉求已受理，正在协调办理',
    })
    const done = await api.call(officer, 'appeal.resolve', { id: mine.id, version: taken.version, outcome: '已修' })
    const late = await api.fail(officer, 'appeal.merge', { id: later.id, version: later.version, intoId: done.id })
    expect(late).toMatchObject({ status: 400, body: { error: { field: 'intoId', message: expect.stringContaining('已办结') } } })
    expect((await api.call(officer, 'appeal.get', { id: later.id })).state).toBe('submitted')
  })
})
