import { fixedClock, inZone } from '../../cloud/domain/clock'
import type { Store } from '../../cloud/store/connect'
import { seedIfEmpty } from '../../cloud/store/seed'
import { DEMO_MONTHS, demoFigures, NOT_YET_REPORTED, SHORT_LAST_MONTH, SLOWING } from '../../seeds/indicators'
import { org } from '../../seeds/org'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'

/**
 * The demo's monthly figures (seeds/indicators.ts), as `npm start` writes them: placed relative to
 * the first start, so the story reads the same on any day — here two days a year apart, one in the
 * 春节 months and one at a year's turn.
 */
describe.each(['2026-03-02T09:00:00+08:00', '2027-01-15T16:00:00+08:00'])('demo seed for monthly figures, first started %s', (now) => {
  let store: Store
  let api: ReturnType<typeof apiAs>
  const lastMonth = inZone(Date.parse(now)).subtract(1, 'month').format('YYYY-MM')
  const leader = org.users.find((u) => u.role === 'leader')!.id
  const firm = (id: string) => org.enterprises.find((e) => e.id === id)!

  beforeAll(async () => {
    store = await makeStore({ seed: false })
    await seedIfEmpty(store, fixedClock(now), org, { demo: true })
    api = apiAs(makeServices(store, { now }).services)
  })
  afterAll(() => store.close())

  it('every firm has its twelve months up to last month, the last against the year before: grown, or for the slowing one fallen', async () => {
    const growing = org.enterprises[1]
    const trend = await api.call(growing.owner.id, 'indicator.list', { month: lastMonth })
    expect(trend.reports).toHaveLength(12)
    expect(trend.reports.at(-1)).toMatchObject({
      month: lastMonth,
      revenue: demoFigures(growing, 1, 1, Number(lastMonth.slice(5))).revenue,
    })
    // Only last month has its month a year before in the demo: it grew about 6 %.
    expect(trend.reports.map((r) => r.revenueDrop === null)).toEqual([...Array(11).fill(true), false])
    expect(trend.reports.at(-1)!.revenueDrop).toBeCloseTo(-6, 0)

    const slowing = await api.call(firm(SLOWING).owner.id, 'indicator.list', { month: lastMonth })
    // Down 12 %: inside the 20 % line, so no warning was due.
    expect(slowing.reports.at(-1)!.revenueDrop).toBeCloseTo(12, 0)
  })

  it('the late list for last month is the firms the demo leaves unreported, with nothing seeded this month', async () => {
    const late = await api.call(leader, 'indicator.late', { month: lastMonth })
    expect(late.over).toBe(true)
    expect(late.firms.map((f) => f.enterpriseId).sort()).toEqual([...NOT_YET_REPORTED].sort())
    const thisMonth = await api.call(leader, 'indicator.late', { month: inZone(Date.parse(now)).format('YYYY-MM') })
    expect(thisMonth.firms).toHaveLength(org.enterprises.length)
  })

  it('the town by industry sums the seeded figures; 塑料制品 has two firms short, and a third reporting short opens warnings for the three', async () => {
    const town = await api.call(leader, 'indicator.town', { month: lastMonth })
    const calendarMonth = Number(lastMonth.slice(5))
    const reporting = org.enterprises
      .map((e, index) => ({ e, index }))
      .filter(({ e }) => e.industry === '塑料制品' && !NOT_YET_REPORTED.includes(e.id))
    const plastics = town.groups.find((g) => g.group === '塑料制品')!
    expect(plastics).toMatchObject({ firms: reporting.length, shortOrders: SHORT_LAST_MONTH.length })
    expect(plastics.revenue).toBeCloseTo(
      reporting.reduce((sum, { e, index }) => sum + demoFigures(e, index, 1, calendarMonth).revenue, 0),
      1,
    )
    expect(town.groups.reduce((n, g) => n + g.firms, 0)).toBe(org.enterprises.length - NOT_YET_REPORTED.length)

    const third = firm('ent-007')
    const report = await api.call(third.owner.id, 'indicator.report', {
      month: lastMonth,
      revenue: 150,
      employees: 20,
      tax: 5,
      orders: 'short',
      situation: '订单减少',
    })
    expect(report.warningOpened).toBe(true)
    const opened = await store.db.selectFrom('warning_tasks').select('enterprise_id').where('month', '=', lastMonth).execute()
    expect(opened.map((w) => w.enterprise_id).sort()).toEqual([...SHORT_LAST_MONTH, third.id].sort())
  })

  it('reaches back a year before last month and no further, none dated after the first start', async () => {
    const rows = await store.db.selectFrom('indicator_reports').select(['month', 'reported_at']).execute()
    const months = [...new Set(rows.map((r) => r.month))].sort()
    expect(months).toHaveLength(DEMO_MONTHS)
    expect(months.at(-1)).toBe(lastMonth)
    expect(rows.every((r) => Number(r.reported_at) <= Date.parse(now))).toBe(true)
  })
})
