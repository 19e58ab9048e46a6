import type { Store } from '../../cloud/store/connect'
import { org } from '../../seeds/org'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'

/**
 * 每月一题 on March 2026: four enterprises file 用工 appeals (routed to 人社所), two of them linked into
 * a group (问题汇聚); two more file 融资 (not shared by three firms: no hot spot).
 */
describe('每月一题', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const ids: string[] = []

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-03-02T09:00:00+08:00' })
    api = apiAs(setup.services)
    ids.length = 0
    const file = async (n: number, category: string) => {
      const e = org.enterprises[n]
      const appeal = await api.call(e.owner.id, 'appeal.create', { clientRequestId: `req-topic-${n}-${category === '用工' ? 'jobs' : 'loan'}`, category, title: `${category}难题${n}`, description: '招不到熟练的吹塑操作工，影响新生产线投产。', contactName: e.owner.name, contactPhone: '13800001111' })
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
    const candidates = await api.call('u-leader-01', 'topic.candidates', { month: '2026-03' })
    expect(candidates.map((c) => [c.key.split(':')[0], c.title, c.enterpriseCount, c.appeals, c.linked])).toEqual([
      ['category', '用工问题（人力资源和社会保障所）', 4, 4, false],
      ['group', '用工难题0', 2, 2, true],
    ])
    expect(candidates[0].enterprises).toHaveLength(4)
    expect(candidates[1].enterprises.sort()).toEqual([org.enterprises[0].name, org.enterprises[1].name].sort())
  })

  it('a leader makes one the month’s topic: the task force head is told, the group’s lead is pressed, once a month', async () => {
    const topic = await api.call('u-leader-01', 'topic.assign', { month: '2026-03', key: `group:${ids[0]}`, departmentId: 'dept-hrss', note: '联系职业学校定向培养' })
    expect(topic).toMatchObject({ month: '2026-03', title: '用工难题0', department: { id: 'dept-hrss' }, leadAppealId: ids[0], dueOn: '2026-04-30', appeals: 2, open: 2, state: 'open' })
    const head = await api.call('u-head-hrss', 'message.list', {})
    expect(head.items.map((m) => m.title)).toContain('每月一题：用工难题0')
    const lead = await api.call('u-leader-01', 'appeal.get', { id: ids[0] })
    expect(lead.timeline.at(-1)).toMatchObject({ action: 'supervise', note: expect.stringContaining('每月一题') })

    const again = await api.fail('u-leader-01', 'topic.assign', { month: '2026-03', key: 'category:用工|dept-hrss', departmentId: 'dept-hrss' })
    expect(again.status).toBe(409)
    expect((await api.call('u-officer-01', 'topic.list', {})).map((t) => t.id)).toEqual([topic.id])
  })

  it('a hot-spot topic follows the appeals it gathers; it is done when none is open, overdue past its day', async () => {
    const topic = await api.call('u-admin', 'topic.assign', { month: '2026-03', key: 'category:用工|dept-hrss', title: '企业招工难', departmentId: 'dept-hrss' })
    expect(topic).toMatchObject({ title: '企业招工难', appeals: 4, open: 4, state: 'open' })
    setup.clock.set('2026-05-01T09:00:00+08:00')
    expect((await api.call('u-admin', 'topic.list', {}))[0].state).toBe('overdue')
    await store.db.updateTable('appeals').set({ state: 'closed' }).where('category', '=', '用工').execute()
    expect((await api.call('u-admin', 'topic.list', {}))[0]).toMatchObject({ open: 0, state: 'done' })
  })

  it('refuses what is not a candidate or not a department, naming the field, and writes nothing', async () => {
    expect((await api.fail('u-leader-01', 'topic.assign', { month: '2026-03', key: 'category:融资|dept-finance', departmentId: 'dept-finance' })).body).toMatchObject({ ok: false, error: { field: 'key' } })
    expect((await api.fail('u-leader-01', 'topic.assign', { month: '2026-03', key: `group:${ids[0]}`, departmentId: 'dept-nowhere' })).body).toMatchObject({ ok: false, error: { field: 'departmentId' } })
    expect((await api.fail('u-head-hrss', 'topic.assign', { month: '2026-03', key: `group:${ids[0]}`, departmentId: 'dept-hrss' })).status).toBe(403)
    expect(await api.call('u-admin', 'topic.list', {})).toEqual([])
  })
})
