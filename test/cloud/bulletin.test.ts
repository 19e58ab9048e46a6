import type { AppealDetail } from '../../cloud/contract'
import { readSheet } from 'read-excel-file/node'
import { COMPONENTS, DEFAULT_WEIGHTS, readAssessmentWeights, type AssessmentWeights } from '../../cloud/domain/assessment'

const ZERO_WEIGHTS = Object.fromEntries(COMPONENTS.map((c) => [c, 0])) as AssessmentWeights
import { monthRange, percent, ratesOf } from '../../cloud/domain/metrics'
import { HOUR } from '../../cloud/domain/time-units'
import { NO_COUNTS } from '../../cloud/views/bulletin-rows'
import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * 一月一通报 on hand-built appeals with known answers: March 2026, filed by grainFoods, handled by its
 * officer; 融资 goes to 金融服务办 (finance), 水电气路 to 交通保障办 (transport).
 */
describe('the monthly bulletin', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const enterprise = town.enterprises.grainFoods
  const owner = enterprise.owner.id
  const officer = enterprise.officer_id
  const { finance, transport, industry } = town.departments
  const leader = town.leader.id
  const admin = town.admin.id
  let n = 0

  beforeAll(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-03-01T08:00:00+08:00' })
    api = apiAs(setup.services)
    const at = (iso: string) => setup.clock.set(iso)
    const file = async (when: string, category: string): Promise<AppealDetail> => {
      at(when)
      return api.call(owner, 'appeal.create', {
        clientRequestId: `req-bulletin-${++n}`,
        category,
        title: `诉求${n}`,
        description: '用于月度通报的测试诉求内容。',
        contactName: enterprise.owner.name,
        contactPhone: '13800001111',
      })
    }
    const act = async <
      A extends 'appeal.accept' | 'appeal.resolve' | 'appeal.rate' | 'appeal.return' | 'appeal.requestExtension' | 'appeal.decideExtension',
    >(
      who: string,
      when: string,
      action: A,
      appeal: { id: string },
      payload: Record<string, unknown> = {},
    ) => {
      at(when)
      const { version } = await api.call(who, 'appeal.get', { id: appeal.id })
      return api.call(who, action, { id: appeal.id, version, ...payload })
    }

    // A (金融服务办): answered in an hour, resolved in time, 满意; a loan of 2,000,000 yuan.
    const a = await file('2026-03-02T09:00:00+08:00', '融资')
    await act(officer, '2026-03-02T10:00:00+08:00', 'appeal.accept', a, { publicSummary: '企业诉求已受理，正在协调办理' })
    await act(officer, '2026-03-04T09:00:00+08:00', 'appeal.resolve', a, {
      outcome: '协调银行放贷',
      helpKind: 'new_loan',
      helpAmount: 2_000_000,
    })
    await act(owner, '2026-03-05T09:00:00+08:00', 'appeal.rate', a, { rating: 'satisfied' })
    // B (金融服务办): filed just before midnight, answered within 24 h, resolved late, 不满意 on the
    // 31st (reopened), resolved again and rated 基本满意 in April: it counts for March.
    const b = await file('2026-03-05T23:30:00+08:00', '融资')
    await act(officer, '2026-03-06T23:00:00+08:00', 'appeal.accept', b, { publicSummary: '企业诉求已受理，正在协调办理' })
    await act(officer, '2026-03-10T09:00:00+08:00', 'appeal.resolve', b, { outcome: '已答复' })
    await act(owner, '2026-03-31T09:00:00+08:00', 'appeal.rate', b, { rating: 'unsatisfied', reason: '没解决' })
    await act(officer, '2026-04-02T09:00:00+08:00', 'appeal.resolve', b, { outcome: '重新协调，已解决' })
    await act(owner, '2026-04-03T09:00:00+08:00', 'appeal.rate', b, { rating: 'basically_satisfied' })
    // C (交通保障办): returned, but only after the day to accept had passed.
    const c = await file('2026-03-12T09:00:00+08:00', '水电气路')
    await act(officer, '2026-03-14T09:00:00+08:00', 'appeal.return', c, { reason: '不属于本镇职责', redirectTo: '县供电公司' })
    // D (交通保障办): an approved extension moves the deadline it is measured against.
    const d = await file('2026-03-20T09:00:00+08:00', '水电气路')
    await act(officer, '2026-03-20T10:00:00+08:00', 'appeal.accept', d, { publicSummary: '企业诉求已受理，正在协调办理' })
    await act(officer, '2026-03-21T09:00:00+08:00', 'appeal.requestExtension', d, { closeBy: '2026-03-30', reason: '需要供电公司排期' })
    await act(town.heads.transport.id, '2026-03-21T10:00:00+08:00', 'appeal.decideExtension', d, { approve: true })
    await act(officer, '2026-03-28T09:00:00+08:00', 'appeal.resolve', d, { outcome: '完成增容' })
    // E (交通保障办): filed late on the last day, never answered: overdue.
    await file('2026-03-31T23:50:00+08:00', '水电气路')
    // F: April, not in March's bulletin.
    await file('2026-04-01T00:10:00+08:00', '融资')
    at('2026-04-10T09:00:00+08:00')
  })
  afterAll(() => store.close())

  it('counts each department by hand-known answers', async () => {
    const bulletin = await api.call(leader, 'bulletin.month', { month: '2026-03' })
    const financeRow = bulletin.departments.find((d) => d.departmentId === finance.id)!
    expect(financeRow).toMatchObject({
      received: 2,
      resolved: 2,
      overdue: 0,
      responseRate: 1,
      onTimeRate: 0.5,
      satisfactionRate: 1,
      returnRate: 0,
      reopenRate: 0.5,
    })
    const logistics = bulletin.departments.find((d) => d.departmentId === transport.id)!
    // C answered late (returned), D on time, E never: 1 of 3. Only D resolved, on time by its extension;
    // E, still open past its deadline, is not on time: 1 of 2.
    expect(logistics).toMatchObject({
      received: 3,
      resolved: 1,
      overdue: 1,
      responseRate: 1 / 3,
      onTimeRate: 1 / 2,
      satisfactionRate: null,
      returnRate: 1 / 3,
    })
    expect(logistics.missed).toEqual(['响应率', '按期办结率'])
    expect(financeRow.missed).toEqual(['按期办结率'])
    // On time: A and D of A, B, D resolved and E overdue.
    expect(bulletin.total).toMatchObject({ received: 5, resolved: 3, overdue: 1, responseRate: 3 / 5, onTimeRate: 2 / 4 })
    expect(bulletin.departments.find((d) => d.departmentId === industry.id)).toMatchObject({
      received: 0,
      responseRate: null,
      rank: null,
      missed: [],
    })
  })

  it('ranks on the three rates, names the lagging, and counts help from resolved appeals', async () => {
    const bulletin = await api.call(leader, 'bulletin.month', { month: '2026-03' })
    expect(bulletin.departments.slice(0, 2).map((d) => [d.departmentId, d.rank])).toEqual([
      [finance.id, 1],
      [transport.id, 2],
    ])
    expect(bulletin.help).toEqual([
      { kind: 'new_loan', label: '新增贷款', enterprises: 1, amount: 2_000_000, text: '为 1 家企业新增贷款 200 万元' },
    ])
    expect(bulletin.summary).toContain('2026年03月共受理企业诉求 5 件，响应率 60.0%')
    expect(bulletin.summary).toContain(`未达标：${finance.name}（按期办结率）；${transport.name}（响应率、按期办结率）`)
    expect(bulletin.summary).toContain('仍有 1 件超期未办结')
  })

  it('the dashboard splits the same month by week and category, and its totals are the bulletin’s', async () => {
    const dashboard = await api.call(leader, 'bulletin.dashboard', { month: '2026-03' })
    const bulletin = await api.call(leader, 'bulletin.month', { month: '2026-03' })
    expect(dashboard.total).toEqual(bulletin.total)
    expect(dashboard.departments).toEqual(bulletin.departments)
    // 1 March 2026 is a Sunday: the first week is that one day; B, filed at 23:30 on Thursday the 5th, is in the second.
    expect(dashboard.weeks.map((w) => [w.days, w.received])).toEqual([
      ['3/1–3/1', 0],
      ['3/2–3/8', 2],
      ['3/9–3/15', 1],
      ['3/16–3/22', 1],
      ['3/23–3/29', 0],
      ['3/30–3/31', 1],
    ])
    expect(dashboard.weeks.map((w) => w.label)).toEqual(['3/1', '3/2', '3/9', '3/16', '3/23', '3/30'])
    expect(dashboard.weeks[1]).toMatchObject({ responseRate: 1, onTimeRate: 0.5, satisfactionRate: 1 })
    expect(dashboard.categories.map((c) => [c.name, c.received, c.responseRate])).toEqual([
      ['水电气路', 3, 1 / 3],
      ['融资', 2, 1],
    ])
    // Now (10 April): E and April's F are past their time to accept.
    expect(dashboard.overdue.total).toBe(2)
    expect(dashboard.overdue.items.map((a) => a.title)).toEqual(['诉求5', '诉求6'])
    expect(dashboard.overdue.items.map((a) => a.supervisedAt)).toEqual([null, null])
    expect(dashboard.visits.map((v) => [v.role, v.visited, v.covered > 0])).toEqual([
      ['officer', 0, true],
      ['dept_head', 0, true],
      ['leader', 0, true],
    ])
  })

  it.each([
    ['received', {}, ['诉求5', '诉求4', '诉求3', '诉求2', '诉求1']],
    ['notRespondedOnTime', {}, ['诉求5', '诉求3']],
    ['resolvedLate', {}, ['诉求2']],
    ['reopened', {}, ['诉求2']],
    ['returnedOrDisputed', {}, ['诉求3']],
    ['overdue', {}, ['诉求5']],
    ['unsatisfied', {}, []],
    ['satisfied', { departmentId: finance.id }, ['诉求2', '诉求1']],
    ['received', { category: '水电气路' }, ['诉求5', '诉求4', '诉求3']],
  ] as const)('drilling into %s %j lists exactly the appeals the figure counts', async (measure, filter, titles) => {
    const page = await api.call(leader, 'bulletin.appeals', { month: '2026-03', measure, ...filter })
    expect(page.items.map((a) => a.title)).toEqual(titles)
    expect(page.total).toBe(titles.length)
  })

  it('the dashboard and drill-downs are for leaders and admins; an unknown figure is a 400', async () => {
    expect((await api.fail(officer, 'bulletin.dashboard', { month: '2026-03' })).status).toBe(403)
    expect((await api.fail(town.heads.finance.id, 'bulletin.appeals', { month: '2026-03', measure: 'received' })).status).toBe(403)
    expect(await api.fail(admin, 'bulletin.appeals', { month: '2026-03', measure: 'everything' })).toMatchObject({
      status: 400,
      body: { error: { field: 'measure' } },
    })
  })

  /** The appeal rates alone, as the host's ASSESSMENT_WEIGHTS may say; the other components weigh nothing. */
  const RATES_ONLY = { ...ZERO_WEIGHTS, responseRate: 0.3, onTimeRate: 0.4, satisfactionRate: 0.3 }

  it('the quarter’s inspection scores departments on the weighted rates, ranks and grades them; the year adds April', async () => {
    const api = apiAs({ ...setup.services, assessmentWeights: RATES_ONLY })
    const quarter = await api.call(leader, 'bulletin.assessment', { period: '2026-Q1' })
    expect(quarter).toMatchObject({ label: '2026年第1季度督查', weights: RATES_ONLY, weightsSource: 'host' })
    // finance: 0.3×1 + 0.4×0.5 + 0.3×1 = 80. transport has no rating: (0.3×⅓ + 0.4×½) ÷ 0.7 = 42.9.
    expect(quarter.departments.slice(0, 2).map((d) => [d.departmentId, d.score, d.grade, d.rank])).toEqual([
      [finance.id, 80, '合格', 1],
      [transport.id, 42.9, '不合格', 2],
    ])
    expect(quarter.departments.find((d) => d.departmentId === industry.id)).toMatchObject({ score: null, grade: null, rank: null })
    // F, filed on 1 April and never answered (now past its deadline), brings finance's year down:
    // 0.3×⅔ + 0.4×⅓ + 0.3×1 = 63.3.
    const year = await api.call(admin, 'bulletin.assessment', { period: '2026' })
    expect(year.departments.find((d) => d.departmentId === finance.id)).toMatchObject({ received: 3, score: 63.3, grade: '不合格' })
    expect((await api.fail(admin, 'bulletin.assessment', { period: '2026-Q5' })).body).toMatchObject({
      ok: false,
      error: { field: 'period' },
    })
  })

  it('the weights are configuration', async () => {
    const onlySatisfaction = apiAs({ ...setup.services, assessmentWeights: { ...ZERO_WEIGHTS, satisfactionRate: 1 } })
    const quarter = await onlySatisfaction.call(leader, 'bulletin.assessment', { period: '2026-Q1' })
    expect(quarter.departments.find((d) => d.departmentId === finance.id)).toMatchObject({ score: 100, grade: '优秀' })
    expect(quarter.departments.find((d) => d.departmentId === transport.id)).toMatchObject({ score: null })
  })

  it('exports the bulletin as a workbook that reads back as the same table', async () => {
    const file = await api.call(leader, 'bulletin.export', { month: '2026-03' })
    expect(file.fileName).toBe('企业诉求办理情况通报-2026-03.xlsx')
    const rows = await readSheet(Buffer.from(file.base64, 'base64'))
    expect(rows[0][0]).toBe('2026年03月企业诉求办理情况通报')
    const header = rows.findIndex((r) => r[1] === '部门')
    expect(rows[header].slice(0, 8)).toEqual(['排名', '部门', '受理量', '已办结', '超期未办结', '响应率', '按期办结率', '满意率'])
    expect(rows[header + 1].slice(0, 8)).toEqual([1, finance.name, 2, 2, 0, '100.0%', '50.0%', '100.0%'])
    expect(rows.find((r) => r[1] === '全镇')?.slice(2, 6)).toEqual([5, 3, 1, '60.0%'])
    expect(rows.flat()).toContain('为 1 家企业新增贷款 200 万元')
    expect((await api.fail(officer, 'bulletin.export', { month: '2026-03' })).status).toBe(403)
  })

  it('breaks the month down by officer, enterprise or category; a head sees only the department', async () => {
    const byOfficer = await api.call(leader, 'bulletin.breakdown', { month: '2026-03', by: 'officer' })
    expect(byOfficer.rows.map((r) => [r.departmentId, r.name, r.received, r.responseRate])).toEqual([
      [officer, town.officers.finance.name, 5, 3 / 5],
    ])
    const byEnterprise = await api.call(admin, 'bulletin.breakdown', { month: '2026-03', by: 'enterprise' })
    expect(byEnterprise.rows.map((r) => [r.name, r.received])).toEqual([[enterprise.name, 5]])
    const byCategory = await api.call(leader, 'bulletin.breakdown', { month: '2026-03', by: 'category' })
    expect(byCategory.rows.map((r) => [r.name, r.received, r.rank])).toEqual([
      ['融资', 2, 1],
      ['水电气路', 3, 2],
    ])
    // The finance head asks for the whole town and gets the department.
    const head = await api.call(town.heads.finance.id, 'bulletin.breakdown', {
      month: '2026-03',
      by: 'category',
      departmentId: transport.id,
    })
    expect(head).toMatchObject({ departmentId: finance.id, rows: [{ name: '融资', received: 2 }] })
    expect((await api.fail(officer, 'bulletin.breakdown', { month: '2026-03', by: 'officer' })).status).toBe(403)
  })

  it('April holds only what was filed in April; only leaders and admins read it; a bad month is a 400', async () => {
    expect((await api.call(admin, 'bulletin.month', { month: '2026-04' })).total.received).toBe(1)
    expect((await api.fail(officer, 'bulletin.month', { month: '2026-03' })).status).toBe(403)
    expect(await api.fail(leader, 'bulletin.month', { month: '2026-13' })).toMatchObject({
      status: 400,
      body: { error: { field: 'month' } },
    })
  })
  // Last: it presses a case and moves the clock on.
  it('an overdue case a leader pressed says when, and pressing it again moves the mark', async () => {
    const first = (await api.call(leader, 'bulletin.dashboard', { month: '2026-03' })).overdue.items[0]
    await api.call(leader, 'appeal.supervise', { id: first.id, version: first.version, note: '请今天答复企业' })
    const pressed = (await api.call(leader, 'bulletin.dashboard', { month: '2026-03' })).overdue.items
    expect(pressed.map((a) => a.supervisedAt)).toEqual([setup.clock.now(), null])
    setup.clock.advance(HOUR)
    await api.call(leader, 'appeal.supervise', { id: first.id, version: pressed[0].version, note: '仍未答复，请说明' })
    expect((await api.call(leader, 'bulletin.dashboard', { month: '2026-03' })).overdue.items[0].supervisedAt).toBe(setup.clock.now())
  })
})

describe('metric definitions', () => {
  it('a month is Beijing’s calendar month', () => {
    expect(monthRange('2026-03')).toEqual({ from: Date.parse('2026-03-01T00:00:00+08:00'), to: Date.parse('2026-04-01T00:00:00+08:00') })
    expect(monthRange('2026-12').to).toBe(Date.parse('2027-01-01T00:00:00+08:00'))
  })

  it('rates with nothing to divide by are unknown, not zero; percentages round down', () => {
    const none = ratesOf(NO_COUNTS)
    expect(Object.values(none).every((v) => v === null)).toBe(true)
    expect(percent(2 / 3)).toBe('66.6%')
    expect(percent(1)).toBe('100.0%')
    expect(percent(null)).toBe('—')
  })
})

describe('assessment weights', () => {
  it('read from ASSESSMENT_WEIGHTS, any subset, and refused by name when wrong', () => {
    expect(readAssessmentWeights({})).toEqual(DEFAULT_WEIGHTS)
    expect(readAssessmentWeights({ ASSESSMENT_WEIGHTS: 'satisfactionRate:0.5' })).toEqual({ ...DEFAULT_WEIGHTS, satisfactionRate: 0.5 })
    expect(() => readAssessmentWeights({ ASSESSMENT_WEIGHTS: 'speed:0.5' })).toThrow(/speed:0.5/)
    expect(() => readAssessmentWeights({ ASSESSMENT_WEIGHTS: 'onTimeRate:2' })).toThrow(/onTimeRate:2/)
  })
})
