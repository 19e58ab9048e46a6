import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * 每月一题 on March 2026: six enterprises file 用工 appeals (routed to 就业社保办), two of them linked
 * into a group (问题汇聚), four left as a hot spot; two more file 融资 (not shared by three firms: no hot spot).
 */
describe('每月一题', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const ids: string[] = []
  const firms = town.all.enterprises.slice(0, 8)
  const labour = town.departments.labour
  const leader = town.leader.id
  const admin = town.admin.id

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-03-02T09:00:00+08:00' })
    api = apiAs(setup.services)
    ids.length = 0
    const file = async (n: number, category: string) => {
      const e = firms[n]
      const appeal = await api.call(e.owner.id, 'appeal.create', {
        clientRequestId: `req-topic-${n}-${category === '用工' ? 'jobs' : 'loan'}`,
        category,
        title: `${category}难题${n}`,
        description: '招不到熟练的吹塑操作工，影响新生产线投产。',
        contactName: e.owner.name,
        contactPhone: '13800001111',
      })
      ids.push(appeal.id)
      return appeal
    }
    for (const n of [0, 1, 2, 3, 4, 5]) await file(n, '用工')
    for (const n of [6, 7]) await file(n, '融资')
    // Two of them linked by staff: the lead's group holds both.
    await store.db.updateTable('appeals').set({ group_id: ids[0] }).where('id', 'in', [ids[0], ids[1]]).execute()
    setup.clock.set('2026-03-28T09:00:00+08:00')
  })
  afterEach(() => store.close())

  it('lists the shared problems by how many enterprises they touch, linked groups marked', async () => {
    const candidates = await api.call(leader, 'topic.candidates', { month: '2026-03' })
    expect(candidates.map((c) => [c.key.split(':')[0], c.title, c.enterpriseCount, c.appeals, c.linked])).toEqual([
      ['category', `用工问题（${labour.name}）`, 4, 4, false],
      ['group', '用工难题0', 2, 2, true],
    ])
    expect(candidates[0].enterprises).toHaveLength(4)
    expect(candidates[1].enterprises.sort()).toEqual([firms[0].name, firms[1].name].sort())
  })

  it('a leader makes one the month’s topic: the task force head is told, the group’s lead is pressed, once a month', async () => {
    const topic = await api.call(leader, 'topic.assign', {
      month: '2026-03',
      key: `group:${ids[0]}`,
      departmentId: labour.id,
      note: '联系职业学校定向培养',
    })
    expect(topic).toMatchObject({
      month: '2026-03',
      title: '用工难题0',
      department: { id: labour.id },
      leadAppealId: ids[0],
      dueOn: '2026-04-30',
      appeals: 2,
      open: 2,
      state: 'open',
    })
    const head = await api.call(town.heads.labour.id, 'message.list', {})
    expect(head.items.map((m) => m.title)).toContain('每月一题：用工难题0')
    const lead = await api.call(leader, 'appeal.get', { id: ids[0] })
    expect(lead.timeline.at(-1)).toMatchObject({ action: 'supervise', note: expect.stringContaining('每月一题') })

    const again = await api.fail(leader, 'topic.assign', { month: '2026-03', key: `category:用工|${labour.id}`, departmentId: labour.id })
    expect(again.status).toBe(409)
    expect((await api.call(town.officer.id, 'topic.list', {})).map((t) => t.id)).toEqual([topic.id])
  })

  it('a hot-spot topic follows the appeals it gathers; it is done when none is open, overdue past its day', async () => {
    const topic = await api.call(admin, 'topic.assign', {
      month: '2026-03',
      key: `category:用工|${labour.id}`,
      title: '企业招工难',
      departmentId: labour.id,
    })
    expect(topic).toMatchObject({ title: '企业招工难', appeals: 4, open: 4, state: 'open' })
    setup.clock.set('2026-05-01T09:00:00+08:00')
    expect((await api.call(admin, 'topic.list', {}))[0].state).toBe('overdue')
    await store.db.updateTable('appeals').set({ state: 'closed' }).where('category', '=', '用工').execute()
    expect((await api.call(admin, 'topic.list', {}))[0]).toMatchObject({ open: 0, state: 'done' })
  })

  it('refuses what is not a candidate or not a department, naming the field, and writes nothing', async () => {
    expect(
      (
        await api.fail(leader, 'topic.assign', {
          month: '2026-03',
          key: `category:融资|${town.departments.finance.id}`,
          departmentId: town.departments.finance.id,
        })
      ).body,
    ).toMatchObject({ ok: false, error: { field: 'key' } })
    expect(
      (await api.fail(leader, 'topic.assign', { month: '2026-03', key: `group:${ids[0]}`, departmentId: 'dept-nowhere' })).body,
    ).toMatchObject({ ok: false, error: { field: 'departmentId' } })
    expect(
      (await api.fail(town.heads.labour.id, 'topic.assign', { month: '2026-03', key: `group:${ids[0]}`, departmentId: labour.id })).status,
    ).toBe(403)
    expect(await api.call(admin, 'topic.list', {})).toEqual([])
  })
})
