import { sweepAppeals } from '../../cloud/workflows/supervision-sweep'
import { Caller } from '../../cloud/actions/context'
import { dispatch } from '../../cloud/app/router'
import type { AppealDetail } from '../../cloud/contract'
import type { Store } from '../../cloud/store/connect'
import { findAppealById } from '../../cloud/store/repositories/appeals'
import { findUserById } from '../../cloud/store/repositories/users'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

const H = 3600_000

describe('supervision sweep', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  const enterprise = town.enterprises.grainFoods

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store)
  })
  afterEach(() => store.close())

  const as = async (id: string): Promise<Caller> => ({ kind: 'user', user: (await findUserById(store.db, id))! })
  async function file(): Promise<AppealDetail> {
    const reply = await dispatch(setup.services, await as(enterprise.owner.id), 'appeal.create', {
      clientRequestId: `req-${Math.random().toString(36).slice(2, 12)}`,
      category: '用工',
      title: '招工难',
      description: '旺季缺少 30 名操作工，希望帮助对接招聘会。',
      contactName: enterprise.owner.name,
      contactPhone: '13800001111',
    })
    if (!reply.body.ok) throw new Error(reply.body.error.message)
    return reply.body.data as AppealDetail
  }
  const sweep = () => sweepAppeals(setup.services)
  const supervisionEvents = async (id: string) =>
    (
      await store.db
        .selectFrom('appeal_events')
        .select(['action', 'actor_role'])
        .where('appeal_id', '=', id)
        .where('actor_role', '=', 'system')
        .orderBy('seq')
        .execute()
    ).map((e) => e.action)

  it('reminds before the deadline, supervises at it, escalates a day after, each once', async () => {
    const appeal = await file()
    expect(await sweep()).toEqual({ checked: 0, stepped: 0, closed: 0, visits: { reminded: 0, behind: 0 }, indicatorsReminded: 0 })
    setup.clock.advance(20 * H) // 4 h before the 24 h acceptance deadline
    expect(await sweep()).toMatchObject({ stepped: 1 })
    expect(await sweep()).toMatchObject({ stepped: 0 })
    setup.clock.advance(4 * H)
    await sweep()
    setup.clock.advance(24 * H)
    await sweep()
    await sweep()
    expect(await supervisionEvents(appeal.id)).toEqual(['remindDueSoon', 'remindOverdue', 'escalate'])
  })

  it('two sweeps at the same moment take each step once, and never bump the version people act on', async () => {
    const appeal = await file()
    setup.clock.advance(30 * H)
    const results = await Promise.all([sweep(), sweep()])
    expect(results.map((r) => r.stepped).reduce((a, b) => a + b)).toBe(1)
    expect(await supervisionEvents(appeal.id)).toEqual(['remindOverdue'])
    expect((await findAppealById(store.db, appeal.id))!.version).toBe(appeal.version)
  })

  it('a new deadline starts supervision again; a closed appeal is left alone', async () => {
    const appeal = await file()
    setup.clock.advance(25 * H)
    await sweep()
    const accepted = await dispatch(setup.services, await as(enterprise.officer_id), 'appeal.accept', {
      id: appeal.id,
      version: appeal.version,
      publicSummary: '企业诉求已受理，正在协调办理',
    })
    expect(accepted.status).toBe(200)
    await sweep()
    expect(await supervisionEvents(appeal.id)).toEqual(['remindOverdue'])
    setup.clock.advance(46 * H) // 1 h before the close deadline (72 h after filing)
    await sweep()
    expect(await supervisionEvents(appeal.id)).toEqual(['remindOverdue', 'remindDueSoon'])
  })

  it('the timeline shows the step as done by the system', async () => {
    const appeal = await file()
    setup.clock.advance(26 * H)
    await sweep()
    const reply = await dispatch(setup.services, await as(enterprise.owner.id), 'appeal.get', { id: appeal.id })
    expect(reply.body).toMatchObject({
      ok: true,
      data: {
        overdue: true,
        timeline: expect.arrayContaining([expect.objectContaining({ actionLabel: '超期督办', actorName: '系统', actorRoleLabel: '自动' })]),
      },
    })
  })

  it('a resolved appeal nobody rates closes by itself after 7 days, once; a rated one is left alone', async () => {
    const officer = await as(enterprise.officer_id)
    const resolve = async (appeal: AppealDetail) => {
      const accepted = await dispatch(setup.services, officer, 'appeal.accept', {
        id: appeal.id,
        version: appeal.version,
        publicSummary: '企业诉求已受理，正在协调办理',
      })
      const v = (accepted.body as { data: AppealDetail }).data.version
      return (await dispatch(setup.services, officer, 'appeal.resolve', { id: appeal.id, version: v, outcome: '已办结' })).body as {
        data: AppealDetail
      }
    }
    const unrated = (await resolve(await file())).data
    const rated = (await resolve(await file())).data
    await dispatch(setup.services, await as(enterprise.owner.id), 'appeal.rate', {
      id: rated.id,
      version: rated.version,
      rating: 'satisfied',
    })
    setup.clock.advance(7 * 24 * H - 60_000)
    expect((await sweep()).closed).toBe(0)
    setup.clock.advance(60_000)
    expect((await sweep()).closed).toBe(1)
    expect((await sweep()).closed).toBe(0)
    expect((await findAppealById(store.db, unrated.id))!.state).toBe('closed')
    const events = await store.db
      .selectFrom('appeal_events')
      .select('action')
      .where('appeal_id', '=', unrated.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(events.action).toBe('autoClose')
    expect((await findAppealById(store.db, rated.id))!.state).toBe('closed')
  })

  it('only leaders and admins may run it by hand', async () => {
    expect((await dispatch(setup.services, await as(town.admin.id), 'appeal.sweep', {})).status).toBe(200)
    expect((await dispatch(setup.services, await as(enterprise.officer_id), 'appeal.sweep', {})).status).toBe(403)
  })
})
