import type { AppealDetail } from '../../cloud/contract'
import type { Store } from '../../cloud/store/connect'
import { insertUser } from '../../cloud/store/repositories/users'
import { apiAs } from '../support/api'
import { makeOwner } from '../support/factories'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * 好差评 as the national rule sets it: five levels and the online indicators, rated only by the
 * person who filed; a 差评 rectified (整改) within 15 working days, called back (回访) and rated
 * again; the handler's contest of an unfair 差评 (申诉复核) and the 督查 office's ruling; and its
 * random calls on 好评 (抽查回访). medPack's appeals go to 产业服务办, held by town.officer.
 */
describe('好差评', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const enterprise = town.enterprises.medPack
  const owner = enterprise.owner.id
  const officer = town.officer.id
  const admin = town.admin.id
  const leader = town.leader.id
  const at = (iso: string) => Date.parse(iso)
  let n = 0

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-03-02T09:00:00+08:00' })
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  /** An appeal of medPack, resolved by its officer. */
  const resolved = async (filer = owner): Promise<AppealDetail> => {
    const appeal = await api.call(filer, 'appeal.create', {
      clientRequestId: `req-rating-${++n}`,
      category: '其他',
      title: '厂区道路破损',
      description: '厂区门口道路破损，货车进出困难，希望尽快修复。',
      contactName: enterprise.owner.name,
      contactPhone: enterprise.owner.phone,
    })
    const taken = await api.call(officer, 'appeal.accept', { id: appeal.id, version: appeal.version, publicSummary: '厂区门口道路破损' })
    return api.call(officer, 'appeal.resolve', { id: taken.id, version: taken.version, outcome: '已协调修复' })
  }
  const row = (id: string) => store.db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

  it('five levels, best first: the first three close it, the last two (差评) need a reason and send it to be rectified', async () => {
    for (const rating of ['very_satisfied', 'satisfied', 'basically_satisfied'] as const) {
      const appeal = await resolved()
      const rated = await api.call(owner, 'appeal.rate', { id: appeal.id, version: appeal.version, rating })
      expect(rated).toMatchObject({ state: 'closed', rating: { rating, bad: false, voided: false } })
    }
    for (const rating of ['unsatisfied', 'very_unsatisfied'] as const) {
      const appeal = await resolved()
      expect((await api.fail(owner, 'appeal.rate', { id: appeal.id, version: appeal.version, rating })).body).toMatchObject({
        error: { field: 'reason', message: '「评价理由」(reason)：差评（不满意、非常不满意）请写明理由，以便整改' },
      })
      const rated = await api.call(owner, 'appeal.rate', { id: appeal.id, version: appeal.version, rating, reason: '路面只补了一半' })
      // Rated on Monday 2 March: the 15th working day after is Monday 23 March.
      expect(rated).toMatchObject({
        state: 'reopened',
        stateLabel: '整改中',
        dueAt: at('2026-03-23T23:59:59.999+08:00'),
        rating: { rating, bad: true },
        rectification: { dueAt: at('2026-03-23T23:59:59.999+08:00'), doneAt: null },
      })
    }
    const appeal = await resolved()
    expect((await api.fail(owner, 'appeal.rate', { id: appeal.id, version: appeal.version, rating: 'good' })).body).toMatchObject({
      error: { field: 'rating', message: expect.stringContaining('请选择非常满意、满意、基本满意、不满意、非常不满意') },
    })
  })

  it('the indicators are ticked beside the rating, and whether the problem is solved is kept', async () => {
    const appeal = await resolved()
    const rated = await api.call(owner, 'appeal.rate', {
      id: appeal.id,
      version: appeal.version,
      rating: 'satisfied',
      indicators: ['efficiency', 'guide'],
      solved: true,
    })
    expect(rated.rating).toMatchObject({ label: '满意', solved: true })
    expect(rated.timeline.at(-1)?.note).toBe('满意，问题已解决，认可办事效率、指南准确')
    const event = await store.db
      .selectFrom('appeal_events')
      .select('data')
      .where('appeal_id', '=', appeal.id)
      .where('action', '=', 'rate')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(event.data)).toMatchObject({ rating: 'satisfied', indicators: ['efficiency', 'guide'], solved: true })
    expect((await row(appeal.id)).solved).toBe(1)
    expect(
      (await api.fail(owner, 'appeal.rate', { id: appeal.id, version: appeal.version, rating: 'satisfied', indicators: ['speed'] })).body,
    ).toMatchObject({ error: { field: 'indicators.0' } })
  })

  it('only the person who filed rates: another owner of the enterprise may not; for one staff took down, its primary owner does', async () => {
    const colleague = makeOwner(enterprise, { id: 't-owner-medpack-2', name: '陆明远同事', primary_owner: 0 })
    await insertUser(store.db, colleague)
    const appeal = await resolved()
    expect(await api.fail(colleague.id, 'appeal.rate', { id: appeal.id, version: appeal.version, rating: 'satisfied' })).toMatchObject({
      status: 403,
      body: { error: { message: '只有提出诉求的人可以评价（工作人员代为登记的，由企业主要负责人评价）' } },
    })
    // The colleague still follows it, adds to it and sees it: it is the enterprise's.
    expect((await api.call(colleague.id, 'appeal.get', { id: appeal.id })).allowedMoves).toEqual([])

    const taken = await api.call(officer, 'appeal.fileFor', {
      clientRequestId: 'req-phone-0001',
      enterpriseId: enterprise.id,
      channel: 'phone',
      category: '其他',
      title: '来电：厂区路灯不亮',
      description: '企业来电反映厂区门口路灯不亮，夜间装卸不安全。',
      contactName: enterprise.owner.name,
      contactPhone: enterprise.owner.phone,
    })
    const accepted = await api.call(officer, 'appeal.accept', { id: taken.id, version: taken.version, publicSummary: '厂区门口路灯不亮' })
    const done = await api.call(officer, 'appeal.resolve', { id: taken.id, version: accepted.version, outcome: '已修复' })
    expect(await api.fail(officer, 'appeal.rate', { id: taken.id, version: done.version, rating: 'satisfied' })).toMatchObject({
      status: 403,
    })
    // A co-owner bound later does not close it either; the primary owner speaks for the enterprise.
    expect(await api.fail(colleague.id, 'appeal.rate', { id: taken.id, version: done.version, rating: 'very_satisfied' })).toMatchObject({
      status: 403,
    })
    expect(await api.call(owner, 'appeal.rate', { id: taken.id, version: done.version, rating: 'very_satisfied' })).toMatchObject({
      state: 'closed',
    })
  })

  it('a 差评 is rectified, called back (回访) by someone other than the handler, and rated again', async () => {
    const appeal = await resolved()
    let current = await api.call(owner, 'appeal.rate', {
      id: appeal.id,
      version: appeal.version,
      rating: 'unsatisfied',
      reason: '只补了一半',
    })
    const handlerTold = await store.db
      .selectFrom('messages')
      .select('title')
      .where('user_id', '=', officer)
      .where('kind', '=', 'appeal.rateUnsatisfied')
      .execute()
    expect(handlerTold).toEqual([{ title: '企业差评，请按期整改' }])
    setup.clock.set('2026-03-10T09:00:00+08:00')
    current = await api.call(officer, 'appeal.resolve', { id: appeal.id, version: current.version, outcome: '全部路面已重铺' })
    expect(current).toMatchObject({ state: 'resolved', rectification: { doneAt: at('2026-03-10T09:00:00+08:00') } })
    expect(await row(appeal.id)).toMatchObject({ rectified_at: at('2026-03-10T09:00:00+08:00'), rectify_late: 0 })
    // The handler is not the one to call back.
    expect((await api.fail(officer, 'appeal.followUp', { id: appeal.id, version: current.version, note: '企业满意' })).status).toBe(403)
    setup.clock.set('2026-03-11T09:00:00+08:00')
    current = await api.call(leader, 'appeal.followUp', { id: appeal.id, version: current.version, note: '企业确认已重铺', solved: true })
    expect(current.timeline.at(-1)?.note).toBe('企业确认已重铺（企业表示问题已解决）')
    expect(await row(appeal.id)).toMatchObject({ followed_up_at: at('2026-03-11T09:00:00+08:00'), solved: 1 })
    current = await api.call(owner, 'appeal.rate', { id: appeal.id, version: current.version, rating: 'satisfied' })
    expect(current).toMatchObject({ state: 'closed', rating: { rating: 'satisfied', bad: false } })
  })

  it('a rectification after its deadline is marked late', async () => {
    const appeal = await resolved()
    const reopened = await api.call(owner, 'appeal.rate', {
      id: appeal.id,
      version: appeal.version,
      rating: 'very_unsatisfied',
      reason: '没修',
    })
    setup.clock.set('2026-03-24T09:00:00+08:00')
    const late = await api.call(officer, 'appeal.resolve', { id: appeal.id, version: reopened.version, outcome: '已修' })
    expect(late.rectification).toEqual({
      dueAt: Date.parse('2026-03-23T23:59:59.999+08:00'),
      doneAt: Date.parse('2026-03-24T09:00:00+08:00'),
    })
    expect(await row(appeal.id)).toMatchObject({ rectify_late: 1, resolved_late: 1 })
  })

  describe('申诉复核', () => {
    const badlyRated = async () => {
      const appeal = await resolved()
      return api.call(owner, 'appeal.rate', {
        id: appeal.id,
        version: appeal.version,
        rating: 'very_unsatisfied',
        reason: '要求给补贴没给',
      })
    }

    it('the handler contests an unfair 差评 once; upheld, it is set aside and nothing is left to rectify', async () => {
      const appeal = await badlyRated()
      const contested = await api.call(officer, 'appeal.contestRating', {
        id: appeal.id,
        version: appeal.version,
        reason: '企业要求的补贴不符合政策，已书面解释',
      })
      expect(contested).toMatchObject({ state: 'reopened', rating: { contest: 'pending' } })
      expect((await api.call(admin, 'appeal.inbox', { filter: 'awaiting_decision' })).items.map((a) => a.id)).toEqual([appeal.id])
      expect(
        await store.db
          .selectFrom('messages')
          .select('kind')
          .where('user_id', '=', admin)
          .where('kind', '=', 'appeal.contestRating')
          .execute(),
      ).toHaveLength(1)
      expect(
        await api.fail(officer, 'appeal.contestRating', { id: appeal.id, version: contested.version, reason: '再申诉' }),
      ).toMatchObject({
        status: 409,
        body: { error: { message: '这条评价已经申诉过' } },
      })
      const ruled = await api.call(admin, 'appeal.ruleContest', {
        id: appeal.id,
        version: contested.version,
        upheld: true,
        note: '补贴诉求不合政策，差评不计',
      })
      expect(ruled).toMatchObject({ state: 'closed', dueAt: null, rating: { voided: true, contest: 'upheld' } })
      expect(ruled.timeline.at(-1)).toMatchObject({ actionLabel: '督查复核：申诉成立，差评不计', note: '补贴诉求不合政策，差评不计' })
      expect((await api.call(admin, 'appeal.inbox', { filter: 'awaiting_decision' })).total).toBe(0)
    })

    it('dismissed, the 差评 stands and the rectification goes on; a 好评 cannot be contested; only the office rules', async () => {
      const appeal = await badlyRated()
      const contested = await api.call(officer, 'appeal.contestRating', { id: appeal.id, version: appeal.version, reason: '不实' })
      expect(
        (
          await api.fail(town.heads.industry.id, 'appeal.ruleContest', {
            id: appeal.id,
            version: contested.version,
            upheld: true,
            note: '成立',
          })
        ).status,
      ).toBe(403)
      const ruled = await api.call(admin, 'appeal.ruleContest', {
        id: appeal.id,
        version: contested.version,
        upheld: false,
        note: '企业反映属实',
      })
      expect(ruled).toMatchObject({ state: 'reopened', dueAt: appeal.dueAt, rating: { voided: false, contest: 'dismissed' } })
      expect(
        await store.db
          .selectFrom('messages')
          .select('title')
          .where('user_id', '=', officer)
          .where('kind', '=', 'appeal.dismissContest')
          .execute(),
      ).toEqual([{ title: '差评申诉不成立，请按期整改' }])

      const good = await resolved()
      const rated = await api.call(owner, 'appeal.rate', { id: good.id, version: good.version, rating: 'basically_satisfied' })
      expect(await api.fail(officer, 'appeal.contestRating', { id: good.id, version: rated.version, reason: '不实' })).toMatchObject({
        status: 409,
        body: { error: { message: '只有差评可以申诉复核' } },
      })
    })
  })

  describe('抽查回访 of 好评', () => {
    it('a share of 好评 is picked at random for a call; the office records that the rating holds, once', async () => {
      const picking = apiAs({ ...setup.services, random: () => 0.05 })
      const appeal = await resolved()
      const rated = await picking.call(owner, 'appeal.rate', { id: appeal.id, version: appeal.version, rating: 'very_satisfied' })
      expect(await row(appeal.id)).toMatchObject({ spot_check_picked: 1, spot_checked_at: null })
      // 0.5 is outside the 10 % share: not picked.
      const other = await resolved()
      await api.call(owner, 'appeal.rate', { id: other.id, version: other.version, rating: 'very_satisfied' })
      expect((await row(other.id)).spot_check_picked).toBe(0)

      expect((await api.call(admin, 'appeal.inbox', { filter: 'awaiting_decision' })).items.map((a) => a.id)).toEqual([appeal.id])
      const checked = await api.call(admin, 'appeal.spotCheck', {
        id: appeal.id,
        version: rated.version,
        verdict: 'confirmed',
        note: '企业确认满意',
      })
      expect(checked).toMatchObject({
        state: 'closed',
        rating: { rating: 'very_satisfied', spotCheck: { picked: true, result: 'confirmed' } },
      })
      expect((await api.call(admin, 'appeal.inbox', { filter: 'awaiting_decision' })).total).toBe(0)
      expect(
        await api.fail(admin, 'appeal.spotCheck', { id: appeal.id, version: checked.version, verdict: 'confirmed', note: '再问' }),
      ).toMatchObject({
        status: 409,
        body: { error: { message: '这条评价已经抽查回访过' } },
      })
      // The enterprise does not see that it was picked.
      expect((await api.call(owner, 'appeal.get', { id: appeal.id })).rating?.spotCheck).toBeNull()
    })

    it('a 好评 given under pressure becomes what the enterprise says: a 差评 is rectified, a lower 好评 replaces it', async () => {
      const appeal = await resolved()
      const rated = await api.call(owner, 'appeal.rate', { id: appeal.id, version: appeal.version, rating: 'very_satisfied' })
      expect(
        (await api.fail(admin, 'appeal.spotCheck', { id: appeal.id, version: rated.version, verdict: 'pressured', note: '被要求打好评' }))
          .body,
      ).toMatchObject({ error: { field: 'rating' } })
      const reopened = await api.call(admin, 'appeal.spotCheck', {
        id: appeal.id,
        version: rated.version,
        verdict: 'pressured',
        rating: 'unsatisfied',
        note: '企业说是承办人要求打的好评，路面没修好',
      })
      expect(reopened).toMatchObject({
        state: 'reopened',
        rating: { rating: 'unsatisfied', bad: true, spotCheck: { result: 'pressured' } },
        rectification: { dueAt: at('2026-03-23T23:59:59.999+08:00'), doneAt: null },
      })
      expect(reopened.timeline.at(-1)).toMatchObject({ actionLabel: '督查抽查回访：评价不实，整改' })
      expect(
        await store.db
          .selectFrom('messages')
          .select('title')
          .where('user_id', '=', officer)
          .where('kind', '=', 'appeal.spotCheckReopen')
          .execute(),
      ).toEqual([{ title: '抽查回访发现评价不实，请整改' }])

      const lower = await resolved()
      const good = await api.call(owner, 'appeal.rate', { id: lower.id, version: lower.version, rating: 'very_satisfied' })
      const closedAt = (await row(lower.id)).closed_at
      setup.clock.advance(3_600_000)
      const replaced = await api.call(admin, 'appeal.spotCheck', {
        id: lower.id,
        version: good.version,
        verdict: 'pressured',
        rating: 'basically_satisfied',
        note: '实际是基本满意',
      })
      expect(replaced).toMatchObject({ state: 'closed', rating: { rating: 'basically_satisfied' } })
      expect((await row(lower.id)).closed_at).toBe(closedAt)
    })

    it('unreachable, nothing is found: it cannot be called a rating under pressure', async () => {
      const appeal = await resolved()
      const rated = await api.call(owner, 'appeal.rate', { id: appeal.id, version: appeal.version, rating: 'satisfied' })
      expect(
        (
          await api.fail(admin, 'appeal.spotCheck', {
            id: appeal.id,
            version: rated.version,
            reachable: false,
            verdict: 'pressured',
            rating: 'unsatisfied',
            note: '没接',
          })
        ).body,
      ).toMatchObject({ error: { field: 'verdict' } })
      const noAnswer = await api.call(admin, 'appeal.spotCheck', {
        id: appeal.id,
        version: rated.version,
        reachable: false,
        verdict: 'confirmed',
        note: '电话没人接',
      })
      expect(noAnswer).toMatchObject({ rating: { spotCheck: { result: 'unreachable' } } })
      expect(noAnswer.timeline.at(-1)?.note).toBe('未联系上企业：电话没人接')
    })
  })
})
