import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * 一季一督查: the 督查 office (葛书言, admin) inspects 金融服务办 for 2026-Q1; its head (柏雨桐) is
 * told, answers, and the office closes or returns each finding. Another head sees nothing of it.
 */
describe('inspections', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const admin = town.admin.id
  const head = town.heads.finance.id
  const otherHead = town.heads.labour.id
  const leader = town.leader.id
  const record = {
    departmentId: town.departments.finance.id,
    period: '2026-Q1',
    inspectedOn: '2026-03-02',
    summary: '抽查本季度诉求办理和走访台账',
    findings: ['两件融资诉求超期未办结', '走访记录缺少企业签字'],
  }

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-03-02T10:00:00+08:00' })
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  const rows = (table: 'messages' | 'outbox' | 'inspections' | 'inspection_findings') => store.db.selectFrom(table).selectAll().execute()

  it('records the inspection and its findings, due in 15 working days, and tells the head (message and push together)', async () => {
    const before = { messages: (await rows('messages')).length, outbox: (await rows('outbox')).length }
    const inspection = await api.call(admin, 'inspection.record', record)
    expect(inspection).toMatchObject({ departmentName: '金融服务办', period: '2026-Q1', inspectorName: town.admin.name })
    expect(inspection.findings.map((f) => [f.seq, f.text, f.stateLabel, f.dueAt])).toEqual([
      [1, '两件融资诉求超期未办结', '待整改', Date.parse('2026-03-23T23:59:59.999+08:00')],
      [2, '走访记录缺少企业签字', '待整改', Date.parse('2026-03-23T23:59:59.999+08:00')],
    ])
    // The recorder may not answer; no move is theirs yet.
    expect(inspection.findings[0].moves).toEqual([])
    const told = (await rows('messages')).filter((m) => m.kind === 'inspection.record')
    expect(told.map((m) => m.user_id)).toEqual([head])
    expect(told[0].title).toBe('2026年第1季度督查（金融服务办）发现 2 个问题，请整改')
    expect((await rows('messages')).length - before.messages).toBe(1)
    expect((await rows('outbox')).length - before.outbox).toBe(1)
  })

  it('a retried submit records once', async () => {
    const payload = { ...record, clientRequestId: 'inspection-retry-01' }
    const first = await api.call(admin, 'inspection.record', payload)
    const again = await api.call(admin, 'inspection.record', payload)
    expect(again.id).toBe(first.id)
    expect(await rows('inspections')).toHaveLength(1)
    expect(await rows('inspection_findings')).toHaveLength(2)
  })

  it('refuses bad input by field, in Chinese, and writes nothing', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ findings: [] }, /请至少填写一条发现的问题/],
      [{ period: '2026-Q5' }, /请写季度，如 2026-Q4/],
      [{ period: '2026-Q3' }, /「督查季度」\(period\)：还没有到这个季度/],
      [{ inspectedOn: '2026-03-03' }, /「督查日期」\(inspectedOn\)：不能晚于今天/],
      [{ departmentId: 'nope' }, /「被督查部门」\(departmentId\)：没有这个部门/],
    ]
    for (const [change, message] of cases) {
      const reply = await api.fail(admin, 'inspection.record', { ...record, ...change })
      expect(reply.status).toBe(400)
      expect(reply.body).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } })
    }
    expect(await rows('inspections')).toHaveLength(0)
    expect(await rows('messages')).toHaveLength(0)
    expect((await api.fail(head, 'inspection.record', record)).status).toBe(403)
  })

  it('follows a finding: the head answers, the office returns it, the head answers again, the office closes it', async () => {
    const [finding] = (await api.call(admin, 'inspection.record', record)).findings
    const mine = await api.call(head, 'inspection.findings', {})
    expect(mine.findings.map((f) => [f.text, f.moves])).toEqual([
      ['两件融资诉求超期未办结', ['answer']],
      ['走访记录缺少企业签字', ['answer']],
    ])
    setup.clock.advance(86_400_000)
    const answered = await api.call(head, 'inspection.answer', { id: finding.id, version: 0, answer: '两件均已办结，企业已评价' })
    expect(answered).toMatchObject({ state: 'answered', stateLabel: '待销号', answer: '两件均已办结，企业已评价', version: 1 })
    const toInspector = (await rows('messages')).filter((m) => m.kind === 'inspection.answer')
    expect(toInspector.map((m) => m.user_id)).toEqual([admin])

    // A stale version, or the wrong person, changes nothing.
    expect((await api.fail(admin, 'inspection.close', { id: finding.id, version: 0 })).status).toBe(409)
    expect((await api.fail(leader, 'inspection.close', { id: finding.id, version: 1 })).status).toBe(403)
    expect((await api.fail(otherHead, 'inspection.answer', { id: finding.id, version: 1, answer: '越权' })).status).toBe(404)

    const returned = await api.call(admin, 'inspection.return', { id: finding.id, version: 1, note: '请附上企业评价截图' })
    expect(returned).toMatchObject({ state: 'returned', returnNote: '请附上企业评价截图' })
    expect((await rows('messages')).filter((m) => m.kind === 'inspection.return').map((m) => m.user_id)).toEqual([head])
    await api.call(head, 'inspection.answer', { id: finding.id, version: 2, answer: '已补充评价截图' })
    const closed = await api.call(admin, 'inspection.close', { id: finding.id, version: 3 })
    expect(closed).toMatchObject({ state: 'closed', stateLabel: '已销号', moves: [] })
    expect((await api.fail(head, 'inspection.answer', { id: finding.id, version: 4, answer: '再答' })).status).toBe(409)

    // Open findings no longer list it; all of them do.
    expect((await api.call(head, 'inspection.findings', {})).findings.map((f) => f.text)).toEqual(['走访记录缺少企业签字'])
    expect((await api.call(admin, 'inspection.findings', { open: false, period: '2026-Q1' })).findings).toHaveLength(2)
  })

  it('lists by quarter and by department; a head sees only their own; overdue shows past the deadline', async () => {
    await api.call(admin, 'inspection.record', record)
    await api.call(leader, 'inspection.record', { ...record, departmentId: town.departments.labour.id, findings: ['培训台账不全'] })
    expect((await api.call(admin, 'inspection.list', { period: '2026-Q1' })).inspections).toHaveLength(2)
    expect((await api.call(admin, 'inspection.list', { period: '2025-Q4' })).inspections).toHaveLength(0)
    const labour = await api.call(leader, 'inspection.list', { departmentId: town.departments.labour.id })
    expect(labour.inspections.map((i) => i.departmentName)).toEqual(['就业社保办'])
    // The leader who recorded it may close it; another leader may not (but the 督查 office may).
    expect(labour.inspections[0].findings[0].moves).toEqual([])
    const asHead = await api.call(otherHead, 'inspection.list', { departmentId: town.departments.finance.id })
    expect(asHead.inspections.map((i) => i.departmentName)).toEqual(['就业社保办'])
    expect((await api.call(otherHead, 'inspection.findings', {})).findings.map((f) => f.overdue)).toEqual([false])
    setup.clock.set('2026-03-24T00:00:01+08:00')
    expect((await api.call(otherHead, 'inspection.findings', {})).findings.map((f) => f.overdue)).toEqual([true])
  })
})
