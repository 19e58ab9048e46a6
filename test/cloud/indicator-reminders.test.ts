import { beijingMoment, inZone } from '../../cloud/domain/clock'
import {
  DEFAULT_REMIND_WORKING_DAYS,
  monthOver,
  readRemindWorkingDays,
  REMIND_WORKING_DAYS_SETTING,
  reminderMonth,
  remindFrom,
} from '../../cloud/domain/ledger/report-reminder'
import type { Store } from '../../cloud/store/connect'
import { saveTownSetting } from '../../cloud/store/repositories/town-settings'
import { remindUnreported } from '../../cloud/workflows/indicator-reminders'
import { sweepAppeals } from '../../cloud/workflows/supervision-sweep'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

const at = (s: string) => Date.parse(`${s}+08:00`)
const day = (ms: number) => inZone(ms).format('YYYY-MM-DD HH:mm')

describe('month-end reminder day', () => {
  it.each([
    // 30 Nov 2026 is a Monday: 26 (Thu), 27 (Fri), 30 (Mon).
    ['2026-11', 3, '2026-11-26 00:00'],
    // 31 May 2026 is a Sunday: 27, 28, 29 (Wed–Fri).
    ['2026-05', 3, '2026-05-27 00:00'],
    ['2026-12', 1, '2026-12-31 00:00'],
    // Saturday 28 February 2026 is a make-up working day (调休 for the Spring Festival): 26, 27, 28.
    ['2026-02', 3, '2026-02-26 00:00'],
    ['2026-01', 5, '2026-01-26 00:00'],
  ] as const)('%s, %i working days before its end: from %s', (month, n, expected) => {
    expect(day(remindFrom(month, n))).toBe(expected)
  })

  it('is due from that moment to the month’s end, and again in the next month only from its own day', () => {
    expect(reminderMonth(at('2026-11-25T23:59:59'), 3)).toBeNull()
    expect(reminderMonth(at('2026-11-26T00:00:00'), 3)).toBe('2026-11')
    expect(reminderMonth(at('2026-11-30T23:59:59'), 3)).toBe('2026-11')
    expect(reminderMonth(at('2026-12-01T00:00:00'), 3)).toBeNull()
    expect(reminderMonth(at('2026-12-29T00:00:00'), 3)).toBe('2026-12')
    expect(monthOver('2026-11', at('2026-11-30T23:59:59'))).toBe(false)
    expect(monthOver('2026-11', at('2026-12-01T00:00:00'))).toBe(true)
  })

  it('reads the setting, falling back on anything but a whole number from 1 to 10', () => {
    expect(readRemindWorkingDays('5')).toBe(5)
    for (const bad of [undefined, '0', '11', '2.5', 'x', '']) expect(readRemindWorkingDays(bad)).toBe(DEFAULT_REMIND_WORKING_DAYS)
  })
})

/**
 * The sweep reminds the owners of firms without November's figures once, from 26 November, however
 * often it runs; medPack reported and is not reminded. The late list shows who has not reported.
 */
describe('month-end reminder and the late list', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const { medPack, vialWorks, grainFoods } = town.enterprises

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-11-20T09:00:00+08:00' })
    api = apiAs(setup.services)
    await api.call(medPack.owner.id, 'indicator.report', { month: '2026-11', revenue: 900, employees: 60, tax: 20, orders: 'enough' })
  })
  afterEach(() => store.close())

  const reminders = () => store.db.selectFrom('messages').selectAll().where('kind', '=', 'indicator.remind').execute()
  const deps = () => ({ db: store.db, clock: setup.clock })

  it('sends each owner of an unreported firm one reminder, however often the sweep runs', async () => {
    const owners = await store.db
      .selectFrom('users as u')
      .innerJoin('enterprises as e', 'e.id', 'u.enterprise_id')
      .select('u.id')
      .where('u.role', '=', 'owner')
      .where('u.deactivated_at', 'is', null)
      .where('e.deactivated_at', 'is', null)
      .where('e.id', '!=', medPack.id)
      .execute()
    setup.clock.set('2026-11-25T23:59:00+08:00')
    expect(await remindUnreported(deps())).toBe(0)
    setup.clock.set('2026-11-26T00:00:00+08:00')
    const first = await sweepAppeals({ ...deps(), deadlines: setup.services.deadlines, log: setup.services.log })
    expect(first.indicatorsReminded).toBe(owners.length)
    expect(owners.length).toBeGreaterThan(3)
    for (let minute = 0; minute < 3; minute++) {
      setup.clock.advance(60_000)
      expect(await remindUnreported(deps())).toBe(0)
    }
    const sent = await reminders()
    expect(sent).toHaveLength(owners.length)
    expect(sent.map((m) => m.user_id)).not.toContain(medPack.owner.id)
    expect(sent.find((m) => m.user_id === grainFoods.owner.id)).toMatchObject({
      title: '请填报2026年11月经营数据',
      dedupe_key: `indicator-remind:2026-11:${grainFoods.id}`,
    })
    const outbox = await store.db
      .selectFrom('outbox')
      .select('user_id')
      .where(
        'message_id',
        'in',
        sent.map((m) => m.id),
      )
      .execute()
    expect(outbox).toHaveLength(owners.length)
    // December: nothing on the 1st; its own reminder from the 29th.
    setup.clock.set('2026-12-01T09:00:00+08:00')
    expect(await remindUnreported(deps())).toBe(0)
    setup.clock.set('2026-12-29T00:00:00+08:00')
    expect(await remindUnreported(deps())).toBe(owners.length + 1)
  })

  it('honours the town’s setting', async () => {
    await saveTownSetting(store.db, REMIND_WORKING_DAYS_SETTING, '5', town.admin.id, setup.clock.now())
    // Five working days before 30 November: 24 November.
    setup.clock.set('2026-11-23T23:59:00+08:00')
    expect(await remindUnreported(deps())).toBe(0)
    setup.clock.set('2026-11-24T00:00:00+08:00')
    expect(await remindUnreported(deps())).toBeGreaterThan(0)
  })

  it('lists the firms without the month’s figures, within what the caller covers, with whether they were reminded', async () => {
    setup.clock.set('2026-11-26T08:00:00+08:00')
    await remindUnreported(deps())
    const mine = await api.call(town.officer.id, 'indicator.late', { month: '2026-11' })
    expect(mine).toMatchObject({ month: '2026-11', over: false, remindFrom: beijingMoment('2026-11-26 00:00:00').valueOf() })
    const names = mine.firms.map((f) => f.name)
    expect(names).toContain(vialWorks.name)
    expect(names).not.toContain(medPack.name)
    expect(names).not.toContain(grainFoods.name)
    expect(mine.firms.every((f) => f.reminded)).toBe(true)
    const town_ = await api.call(town.leader.id, 'indicator.late', { month: '2026-11' })
    expect(town_.firms.map((f) => f.name)).toContain(grainFoods.name)
    expect(town_.firms.find((f) => f.name === grainFoods.name)).toMatchObject({
      officerName: town.officers.finance.name,
      departmentName: '金融服务办',
    })
    // October was never reminded, and is over: every firm is late for it.
    const october = await api.call(town.leader.id, 'indicator.late', { month: '2026-10' })
    expect(october.over).toBe(true)
    expect(october.firms.some((f) => f.reminded)).toBe(false)
    expect(october.firms.length).toBe(town_.firms.length + 1)
    const head = await api.call(town.heads.finance.id, 'indicator.late', { month: '2026-11' })
    expect(head.firms.every((f) => f.departmentName === '金融服务办')).toBe(true)
    expect((await api.fail(medPack.owner.id, 'indicator.late', { month: '2026-11' })).status).toBe(403)
  })
})
