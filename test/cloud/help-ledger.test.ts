import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * 帮扶台账: 林晓禾 (`town.officer`) covers medPack, vialWorks and capsulePack; grainFoods is the
 * finance officer's. Help counts in the bulletin only once its enterprise confirms it.
 */
describe('help ledger', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const { medPack, vialWorks, capsulePack, grainFoods } = town.enterprises
  const officer = town.officer.id
  const meeting = {
    enterpriseIds: [medPack.id, vialWorks.id, capsulePack.id],
    kind: 'new_loan',
    amount: 1600,
    givenOn: '2026-03-01',
    note: '银企对接会，三家企业获得授信',
  }

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-03-02T09:00:00+08:00' })
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  const count = async (table: 'help_entries' | 'messages' | 'outbox') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('records one entry per firm, tied by one event, and asks each firm’s owner to confirm', async () => {
    const messages = await count('messages')
    const { eventId, entries } = await api.call(officer, 'help.record', meeting)
    expect(entries).toHaveLength(3)
    for (const entry of entries)
      expect(entry).toMatchObject({
        eventId,
        kind: 'new_loan',
        amount: 16_000_000,
        text: '新增贷款 1600 万元',
        state: 'pending',
        stateLabel: '待企业确认',
      })
    expect(entries.map((e) => e.enterpriseId).sort()).toEqual(meeting.enterpriseIds.slice().sort())
    expect((await count('messages')) - messages).toBe(3)
    const told = await store.db.selectFrom('messages').selectAll().where('kind', '=', 'help.record').execute()
    expect(told.map((m) => m.user_id).sort()).toEqual([medPack.owner.id, vialWorks.owner.id, capsulePack.owner.id].sort())
    expect(told[0]).toMatchObject({ title: '有一条帮扶记录待您确认', link: '/packageVisit/pages/help/index' })
    expect(await store.db.selectFrom('outbox').select('template').where('user_id', '=', medPack.owner.id).execute()).toEqual([
      { template: 'account_notice' },
    ])
  })

  it('a retried submit records once and answers the first record', async () => {
    const payload = { ...meeting, clientRequestId: 'help-retry-0001' }
    const first = await api.call(officer, 'help.record', payload)
    const again = await api.call(officer, 'help.record', payload)
    expect(again.eventId).toBe(first.eventId)
    expect(await count('help_entries')).toBe(3)
  })

  it.each([
    // 林晓禾 does not cover grainFoods: one firm outside records nothing.
    [officer, [medPack.id, grainFoods.id], 404],
    [town.officers.finance.id, [medPack.id], 404],
    [town.heads.finance.id, [medPack.id], 404],
    [town.heads.industry.id, [medPack.id, vialWorks.id], 200],
    [town.leaders.mayor.id, [medPack.id, grainFoods.id], 200],
    [town.admin.id, [grainFoods.id], 200],
    [medPack.owner.id, [medPack.id], 403],
    [town.guest.id, [medPack.id], 403],
  ])('%s recording for %p gets %i', async (userId, enterpriseIds, status) => {
    const reply = await api.fail(userId, 'help.record', { ...meeting, enterpriseIds })
    expect(reply.status).toBe(status)
    expect(await count('help_entries')).toBe(status === 200 ? enterpriseIds.length : 0)
  })

  it.each([
    [{ kind: 'new_loan', amount: null }, 'amount', '「金额（万元）或人数」(amount)：请填写「新增贷款」的金额（万元）'],
    [{ kind: 'recruitment', amount: 7.5 }, 'amount', '「金额（万元）或人数」(amount)：人数应为整数'],
    [{ kind: 'permit_completed', amount: 3 }, 'amount', '「金额（万元）或人数」(amount)：「手续办结」不填金额或人数'],
    [{ givenOn: '2026-03-03' }, 'givenOn', '「帮扶日期」(givenOn)：不能晚于今天'],
    [{ givenOn: '2026-02-30' }, 'givenOn', '帮扶日期不是有效的日期'],
    [{ note: '  ' }, 'note', '请填写帮扶情况'],
    [{ kind: 'bribe' }, 'kind', '请选择帮扶类型'],
    [{ enterpriseIds: [] }, 'enterpriseIds', '请选择至少一家企业'],
    [{ enterpriseIds: [medPack.id, medPack.id] }, 'enterpriseIds', '企业重复了'],
    [{ evidence: ['upl-nobody'] }, 'evidence', '凭证不存在或不是您上传的'],
    [{ appealId: 'appeal-nowhere' }, 'appealId', '这件诉求不属于所选企业'],
  ])('bad input %p is refused, naming %s, and nothing is written', async (change, field, message) => {
    const messages = await count('messages')
    const reply = await api.fail(officer, 'help.record', { ...meeting, ...change })
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({ ok: false, error: { field: expect.stringContaining(field) } })
    if (!reply.body.ok) expect(reply.body.error.message).toContain(message)
    expect(await count('help_entries')).toBe(0)
    expect(await count('messages')).toBe(messages)
  })

  it('takes the recorder’s own uploads as evidence, and a people kind counts people', async () => {
    await store.db
      .insertInto('uploads')
      .values({
        id: 'upl-officer-photo',
        owner_id: officer,
        storage: 'local',
        storage_key: 'x',
        name: '招聘会现场.jpg',
        mime_type: 'image/jpeg',
        size: 100,
        appeal_id: null,
        position: null,
        created_at: 0,
      })
      .execute()
    const { entries } = await api.call(officer, 'help.record', {
      enterpriseIds: [vialWorks.id],
      kind: 'recruitment',
      amount: 77,
      givenOn: '2026-02-20',
      note: '春季招聘会',
      evidence: ['upl-officer-photo'],
    })
    expect(entries[0]).toMatchObject({ amount: 77, text: '用工招录 77 人', evidence: ['upl-officer-photo'] })
    // Someone else's upload is not evidence of this officer's.
    const foreign = await api.fail(town.heads.industry.id, 'help.record', { ...meeting, evidence: ['upl-officer-photo'] })
    expect(foreign.status).toBe(400)
  })

  it('owners see their own entries; staff what they cover', async () => {
    await api.call(officer, 'help.record', meeting)
    await api.call(town.officers.finance.id, 'help.record', { ...meeting, enterpriseIds: [grainFoods.id], note: '贷款贴息' })
    const mine = await api.call(medPack.owner.id, 'help.list', {})
    expect(mine.total).toBe(1)
    expect(mine.items[0]).toMatchObject({ enterpriseId: medPack.id, enterpriseName: medPack.name })
    expect((await api.fail(medPack.owner.id, 'help.list', { enterpriseId: grainFoods.id })).status).toBe(404)
    expect((await api.call(officer, 'help.list', {})).total).toBe(3)
    expect((await api.call(officer, 'help.list', { enterpriseId: vialWorks.id })).total).toBe(1)
    expect((await api.fail(officer, 'help.list', { enterpriseId: grainFoods.id })).status).toBe(404)
    expect((await api.call(town.officers.finance.id, 'help.list', {})).total).toBe(1)
    expect((await api.call(town.heads.industry.id, 'help.list', {})).total).toBe(3)
    expect((await api.call(town.heads.labour.id, 'help.list', {})).total).toBe(0)
    expect((await api.call(town.admin.id, 'help.list', {})).total).toBe(4)
    expect((await api.call(town.leaders.mayor.id, 'help.list', { state: 'confirmed' })).total).toBe(0)
  })

  it('the owner confirms or disputes; only the enterprise’s own owner, once, and the recorder hears of a dispute', async () => {
    const { entries } = await api.call(officer, 'help.record', meeting)
    const medEntry = entries.find((e) => e.enterpriseId === medPack.id)!
    const vialEntry = entries.find((e) => e.enterpriseId === vialWorks.id)!
    expect((await api.fail(vialWorks.owner.id, 'help.confirm', { id: medEntry.id })).status).toBe(404)
    expect((await api.fail(officer, 'help.confirm', { id: medEntry.id })).status).toBe(403)
    expect((await api.fail(grainFoods.owner.id, 'help.dispute', { id: medEntry.id, reason: '没有收到' })).status).toBe(404)

    setup.clock.advance(60_000)
    const confirmed = await api.call(medPack.owner.id, 'help.confirm', { id: medEntry.id })
    expect(confirmed).toMatchObject({ state: 'confirmed', stateLabel: '企业已确认', answeredAt: setup.clock.now() })
    const twice = await api.fail(medPack.owner.id, 'help.confirm', { id: medEntry.id })
    expect(twice.status).toBe(409)
    expect((await api.fail(medPack.owner.id, 'help.dispute', { id: medEntry.id, reason: '金额不对' })).status).toBe(409)

    const noReason = await api.fail(vialWorks.owner.id, 'help.dispute', { id: vialEntry.id, reason: '' })
    expect(noReason.body).toMatchObject({ ok: false, error: { field: 'reason' } })
    const disputed = await api.call(vialWorks.owner.id, 'help.dispute', { id: vialEntry.id, reason: '授信 800 万，不是 1600 万' })
    expect(disputed).toMatchObject({ state: 'disputed', disputeReason: '授信 800 万，不是 1600 万' })
    const toldOfficer = await store.db
      .selectFrom('messages')
      .selectAll()
      .where('user_id', '=', officer)
      .where('kind', '=', 'help.dispute')
      .execute()
    expect(toldOfficer).toHaveLength(1)
    expect(toldOfficer[0].title).toBe(`${vialWorks.name}对帮扶记录有异议`)
    // Settled by talking it over, the enterprise may still confirm.
    expect((await api.call(vialWorks.owner.id, 'help.confirm', { id: vialEntry.id })).state).toBe('confirmed')
  })

  it('only confirmed entries count in the bulletin’s help, in the month they were given', async () => {
    const { entries } = await api.call(officer, 'help.record', meeting)
    await api.call(officer, 'help.record', {
      ...meeting,
      enterpriseIds: [medPack.id],
      givenOn: '2026-02-27',
      amount: 50,
      kind: 'subsidy',
      note: '技改补贴',
    })
    const bulletin = () => api.call(town.admin.id, 'bulletin.month', { month: '2026-03' })
    expect((await bulletin()).help).toEqual([])
    for (const owner of [medPack.owner.id, vialWorks.owner.id]) {
      const entry = entries.find((e) => e.enterpriseId === (owner === medPack.owner.id ? medPack.id : vialWorks.id))!
      await api.call(owner, 'help.confirm', { id: entry.id })
    }
    await api.call(capsulePack.owner.id, 'help.dispute', {
      id: entries.find((e) => e.enterpriseId === capsulePack.id)!.id,
      reason: '没有收到',
    })
    const subsidy = (await api.call(medPack.owner.id, 'help.list', { state: 'pending' })).items[0]
    await api.call(medPack.owner.id, 'help.confirm', { id: subsidy.id })
    expect((await bulletin()).help).toEqual([
      { kind: 'new_loan', label: '新增贷款', enterprises: 2, amount: 32_000_000, text: '为 2 家企业新增贷款 3200 万元' },
    ])
    // The subsidy was given in February: it counts there.
    expect((await api.call(town.admin.id, 'bulletin.month', { month: '2026-02' })).help).toEqual([
      { kind: 'subsidy', label: '补贴', enterprises: 1, amount: 500_000, text: '为 1 家企业补贴 50 万元' },
    ])
  })
})
