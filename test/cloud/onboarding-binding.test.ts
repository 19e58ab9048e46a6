import { HOUR, DAY } from '../../cloud/domain/time-units'
import type { Store } from '../../cloud/store/connect'
import { findUserById } from '../../cloud/store/repositories/users'
import { apiAs, wechatAs } from '../support/api'
import { makeCreditCode } from '../support/factories'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * Binding an enterprise safely (the held-out attack: a public credit code and a guessable,
 * reusable invite code let a stranger take over an enterprise and rate its appeals). On the test
 * town at Monday 2 March 2026, 09:00 Beijing time.
 */
describe('binding an enterprise', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const officer = town.officer.id
  const medPack = town.enterprises.medPack
  const who = (n: number) => ({ name: `企业人员${n}`, phone: `1361234${String(n).padStart(4, '0')}` })

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store)
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  /** A new enterprise on the roster, covered by the town's officer, with nobody bound yet. */
  const freshEnterprise = () =>
    api.call(town.admin.id, 'roster.save', {
      name: '青禾新办企业有限公司',
      creditCode: makeCreditCode(),
      kind: '小微企业',
      industry: '食品',
      park: '镇区',
      officerId: officer,
    })
  const messagesOf = async (userId: string) =>
    (await store.db.selectFrom('messages').select(['title', 'body']).where('user_id', '=', userId).orderBy('created_at').execute()).map(
      (m) => m.title,
    )

  it('the covering officer issues a one-time code (a stranger to it cannot); a fresh identity binds and is the primary owner', async () => {
    const enterprise = await freshEnterprise()
    expect(await api.fail(town.officers.finance.id, 'enterprise.issueBindingCode', { enterpriseId: enterprise.id })).toMatchObject({
      status: 404,
    })
    expect(await api.fail(town.heads.finance.id, 'enterprise.issueBindingCode', { enterpriseId: enterprise.id })).toMatchObject({
      status: 404,
    })
    const issued = await api.call(officer, 'enterprise.issueBindingCode', { enterpriseId: enterprise.id })
    expect(issued).toMatchObject({
      enterpriseName: '青禾新办企业有限公司',
      code: expect.stringMatching(/^\d{8}$/),
      expiresAt: setup.clock.now() + 7 * DAY,
      image: `/codes/bind/${enterprise.creditCode}.${issued.code}.png`,
    })
    expect(JSON.stringify(await store.db.selectFrom('access_codes').selectAll().execute())).not.toContain(issued.code)

    const owner = wechatAs(setup.services, 'o-new-owner')
    const bound = await owner.call('enterprise.bind', { creditCode: enterprise.creditCode, bindingCode: issued.code, ...who(1) })
    expect(bound).toMatchObject({
      state: 'bound',
      enterpriseName: '青禾新办企业有限公司',
      me: { user: { role: 'owner', name: '企业人员1' }, enterprise: { id: enterprise.id, officer: { id: officer } } },
    })
    expect(await owner.user()).toMatchObject({ primary_owner: 1, phone: '13612340001' })
    // The officer is told of the binding.
    expect(await messagesOf(officer)).toContain('青禾新办企业有限公司已有企业用户绑定')
    // Spent: the same code again is a 409.
    expect(
      await wechatAs(setup.services, 'o-second').fail('enterprise.bind', {
        creditCode: enterprise.creditCode,
        bindingCode: issued.code,
        ...who(2),
      }),
    ).toMatchObject({
      status: 409,
      body: { error: { message: expect.stringContaining('已经用过了') } },
    })
  })

  it('an expired code, and one revoked by a new one or by hand, are refused and bind nobody', async () => {
    const enterprise = await freshEnterprise()
    const first = await api.call(officer, 'enterprise.issueBindingCode', { enterpriseId: enterprise.id })
    const second = await api.call(officer, 'enterprise.issueBindingCode', { enterpriseId: enterprise.id })
    const guest = wechatAs(setup.services, 'o-binder')
    const bind = (bindingCode: string) => guest.fail('enterprise.bind', { creditCode: enterprise.creditCode, bindingCode, ...who(3) })
    expect(await bind(first.code)).toMatchObject({
      status: 400,
      body: { error: { field: 'bindingCode', message: expect.stringContaining('已被收回') } },
    })
    const owners = await api.call(officer, 'enterprise.revokeBindingCode', { enterpriseId: enterprise.id })
    expect(owners.codeExpiresAt).toBeNull()
    expect(await bind(second.code)).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('已被收回') } } })
    const third = await api.call(officer, 'enterprise.issueBindingCode', { enterpriseId: enterprise.id })
    expect((await api.call(officer, 'enterprise.owners', { enterpriseId: enterprise.id })).codeExpiresAt).toBe(third.expiresAt)
    setup.clock.advance(7 * DAY)
    expect(await bind(third.code)).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('已过期') } } })
    expect((await guest.user()).role).toBe('guest')
  })

  it('a wrong code and an unknown credit code read the same; an enterprise off the roster binds nobody', async () => {
    const enterprise = await freshEnterprise()
    const issued = await api.call(officer, 'enterprise.issueBindingCode', { enterpriseId: enterprise.id })
    const guest = wechatAs(setup.services, 'o-prober')
    const wrong = await guest.fail('enterprise.bind', {
      creditCode: enterprise.creditCode,
      bindingCode: issued.code === '00000000' ? '11111111' : '00000000',
      ...who(4),
    })
    const unknown = await guest.fail('enterprise.bind', { creditCode: makeCreditCode(), bindingCode: issued.code, ...who(4) })
    expect(wrong).toEqual(unknown)
    expect(wrong.status).toBe(400)
    await api.call(town.admin.id, 'roster.setActive', { id: enterprise.id, active: false })
    expect(await guest.fail('enterprise.bind', { creditCode: enterprise.creditCode, bindingCode: issued.code, ...who(4) })).toEqual(wrong)
    expect(await api.fail(officer, 'enterprise.issueBindingCode', { enterpriseId: enterprise.id })).toMatchObject({ status: 409 })
  })

  it('a second owner waits for the first owner’s approval; both the owner and the officer are told; it cannot rate what it did not file', async () => {
    const filed = await api.call(medPack.owner.id, 'appeal.create', {
      clientRequestId: 'req-first-owner',
      category: '其他',
      title: '第一位负责人的诉求',
      description: '第一位负责人提交的诉求，新绑定的人不能替他评价。',
      contactName: medPack.owner.name,
      contactPhone: medPack.owner.phone,
    })
    const issued = await api.call(officer, 'enterprise.issueBindingCode', { enterpriseId: medPack.id })
    const newcomer = wechatAs(setup.services, 'o-newcomer')
    const asked = await newcomer.call('enterprise.bind', { creditCode: medPack.credit_code, bindingCode: issued.code, ...who(5) })
    expect(asked).toMatchObject({ state: 'pending', me: { user: { role: 'guest' }, enterprise: null } })
    // Still a guest: none of the enterprise's appeals, none of its owner's phone.
    expect(await newcomer.fail('appeal.get', { id: filed.id })).toMatchObject({ status: 403 })
    expect(await newcomer.fail('enterprise.owners', {})).toMatchObject({ status: 403 })
    expect(await messagesOf(medPack.owner.id)).toContain(`有人申请绑定${medPack.name}，请确认`)
    expect(await messagesOf(officer)).toContain(`有人申请绑定${medPack.name}，请确认`)
    // Asking again while one waits is refused.
    const again = await api.call(officer, 'enterprise.issueBindingCode', { enterpriseId: medPack.id })
    expect(await newcomer.fail('enterprise.bind', { creditCode: medPack.credit_code, bindingCode: again.code, ...who(5) })).toMatchObject({
      status: 409,
    })

    const members = await api.call(medPack.owner.id, 'enterprise.owners', {})
    expect(members).toMatchObject({
      canManage: true,
      canIssue: false,
      owners: [{ id: medPack.owner.id, primary: true, isMe: true }],
      requests: [{ name: '企业人员5', phone: '136****0005' }],
    })
    await api.call(medPack.owner.id, 'enterprise.decideOwner', { requestId: members.requests[0].id, approve: true })
    const coOwner = await newcomer.user()
    expect(coOwner).toMatchObject({ role: 'owner', enterprise_id: medPack.id, primary_owner: 0 })
    expect(await messagesOf(coOwner.id)).toContain(`已同意您绑定${medPack.name}`)

    // The co-owner sees the appeal (the enterprise's) but cannot rate what the first owner filed.
    const held = await api.call(officer, 'appeal.accept', {
      id: filed.id,
      version: filed.version,
      publicSummary: '企业诉求已受理，正在协调办理',
    })
    const resolved = await api.call(officer, 'appeal.resolve', { id: filed.id, version: held.version, outcome: '已协调解决' })
    const seen = await newcomer.call('appeal.get', { id: filed.id })
    expect(seen.allowedMoves).toEqual([])
    expect(await newcomer.fail('appeal.rate', { id: filed.id, version: resolved.version, rating: 'satisfied' })).toMatchObject({
      status: 403,
      body: { error: { message: '只有提出诉求的人可以评价（工作人员代为登记的，由企业主要负责人评价）' } },
    })
    // What the co-owner files, they rate, and only they: the person served is the one who rates.
    const theirs = await newcomer.call('appeal.create', {
      clientRequestId: 'req-co-owner',
      category: '其他',
      title: '第二位用户的诉求',
      description: '第二位企业用户提交的诉求，他自己可以评价。',
      contactName: '企业人员5',
      contactPhone: '13612340005',
    })
    const accepted = await api.call(officer, 'appeal.accept', {
      id: theirs.id,
      version: theirs.version,
      publicSummary: '企业诉求已受理，正在协调办理',
    })
    const done = await api.call(officer, 'appeal.resolve', { id: theirs.id, version: accepted.version, outcome: '已解决' })
    expect((await newcomer.call('appeal.get', { id: theirs.id })).allowedMoves).toEqual(['rate'])
    expect((await api.call(medPack.owner.id, 'appeal.get', { id: theirs.id })).allowedMoves).toEqual([])
    expect((await newcomer.call('appeal.rate', { id: theirs.id, version: done.version, rating: 'satisfied' })).state).toBe('closed')
    expect((await api.call(medPack.owner.id, 'appeal.rate', { id: filed.id, version: resolved.version, rating: 'satisfied' })).state).toBe(
      'closed',
    )
  })

  it('the officer may refuse a request; owners see and remove co-owners; a co-owner removes only themself', async () => {
    const ask = async (openid: string, n: number) => {
      const issued = await api.call(officer, 'enterprise.issueBindingCode', { enterpriseId: medPack.id })
      await wechatAs(setup.services, openid).call('enterprise.bind', {
        creditCode: medPack.credit_code,
        bindingCode: issued.code,
        ...who(n),
      })
      return (await api.call(officer, 'enterprise.owners', { enterpriseId: medPack.id })).requests.find((r) => r.name === who(n).name)!
    }
    const refused = await ask('o-refused', 6)
    // Staff see the phone whole, to call.
    expect(refused.phone).toBe('13612340006')
    await api.call(officer, 'enterprise.decideOwner', { requestId: refused.id, approve: false })
    expect((await wechatAs(setup.services, 'o-refused').user()).role).toBe('guest')
    expect(await api.fail(officer, 'enterprise.decideOwner', { requestId: refused.id, approve: true })).toMatchObject({ status: 409 })

    const a = await ask('o-co-a', 7)
    await api.call(officer, 'enterprise.decideOwner', { requestId: a.id, approve: true })
    const b = await ask('o-co-b', 8)
    await api.call(medPack.owner.id, 'enterprise.decideOwner', { requestId: b.id, approve: true })
    const coA = wechatAs(setup.services, 'o-co-a')
    const coB = wechatAs(setup.services, 'o-co-b')
    const view = await coA.call('enterprise.owners', {})
    expect(view).toMatchObject({
      canManage: false,
      owners: [{ id: medPack.owner.id, primary: true }, { primary: false }, { primary: false }],
    })
    expect(view.owners.filter((o) => o.isMe).map((o) => o.name)).toEqual(['企业人员7'])
    // Owners see one another's numbers masked.
    expect(view.owners[0].phone).toBe(`${medPack.owner.phone.slice(0, 3)}****${medPack.owner.phone.slice(-4)}`)
    expect(await coA.fail('enterprise.removeOwner', { userId: medPack.owner.id })).toMatchObject({ status: 403 })
    expect(await coA.fail('enterprise.removeOwner', { userId: (await coB.user()).id })).toMatchObject({ status: 403 })
    expect(await coA.fail('enterprise.decideOwner', { requestId: a.id, approve: true })).toMatchObject({ status: 404 })
    const left = await coA.call('enterprise.removeOwner', { userId: (await coA.user()).id })
    expect(left.owners).toEqual([])
    expect((await coA.user()).role).toBe('guest')
    const after = await api.call(medPack.owner.id, 'enterprise.removeOwner', { userId: (await coB.user()).id })
    expect(after.owners.map((o) => o.id)).toEqual([medPack.owner.id])
    expect(await messagesOf((await coB.user()).id)).toContain(`您已不再是${medPack.name}的企业用户`)
  })

  it('when the primary owner is removed or leaves, the next owner to have joined becomes primary', async () => {
    const issued = await api.call(officer, 'enterprise.issueBindingCode', { enterpriseId: medPack.id })
    const next = wechatAs(setup.services, 'o-next')
    await next.call('enterprise.bind', { creditCode: medPack.credit_code, bindingCode: issued.code, ...who(9) })
    const request = (await api.call(officer, 'enterprise.owners', { enterpriseId: medPack.id })).requests[0]
    await api.call(officer, 'enterprise.decideOwner', { requestId: request.id, approve: true })
    await api.call(officer, 'enterprise.removeOwner', { userId: medPack.owner.id })
    expect(await next.user()).toMatchObject({ role: 'owner', primary_owner: 1 })
    expect(await findUserById(store.db, medPack.owner.id)).toMatchObject({ role: 'guest', enterprise_id: null, primary_owner: 0 })
    // Deleting one's account (注销) hands on the primary role the same way.
    const more = await api.call(officer, 'enterprise.issueBindingCode', { enterpriseId: medPack.id })
    const third = wechatAs(setup.services, 'o-third')
    await third.call('enterprise.bind', { creditCode: medPack.credit_code, bindingCode: more.code, ...who(10) })
    await next.call('enterprise.decideOwner', { requestId: (await next.call('enterprise.owners', {})).requests[0].id, approve: true })
    await next.call('me.delete', { confirm: '注销' })
    expect(await third.user()).toMatchObject({ role: 'owner', primary_owner: 1 })
  })

  describe('attempts are limited per person and per enterprise, in the store, under concurrency', () => {
    it('thirty wrong codes at once from one person: ten are checked, twenty are 429 saying when, and the right code waits for the next hour', async () => {
      const enterprise = await freshEnterprise()
      const issued = await api.call(officer, 'enterprise.issueBindingCode', { enterpriseId: enterprise.id })
      const guesser = wechatAs(setup.services, 'o-brute')
      const wrong = (n: number) => String((Number(issued.code) + 1 + n) % 100_000_000).padStart(8, '0')
      const replies = await Promise.all(
        Array.from({ length: 30 }, (_, n) =>
          guesser.fail('enterprise.bind', { creditCode: enterprise.creditCode, bindingCode: wrong(n), ...who(11) }),
        ),
      )
      expect(replies.filter((r) => r.status === 400)).toHaveLength(10)
      const limited = replies.filter((r) => r.status === 429)
      expect(limited).toHaveLength(20)
      expect(limited[0].body).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED', message: expect.stringContaining('请在 10:00 之后再试') },
      })
      expect(
        await guesser.fail('enterprise.bind', { creditCode: enterprise.creditCode, bindingCode: issued.code, ...who(11) }),
      ).toMatchObject({
        status: 429,
      })
      expect((await guesser.user()).role).toBe('guest')
      setup.clock.advance(HOUR)
      expect(
        (await guesser.call('enterprise.bind', { creditCode: enterprise.creditCode, bindingCode: issued.code, ...who(11) })).state,
      ).toBe('bound')
    })

    it('one person guessing across many enterprises at once is stopped at their own tenth try', async () => {
      const guesser = wechatAs(setup.services, 'o-spray')
      // Fifteen tries at once, each on another credit code: no enterprise's limit is near.
      const replies = await Promise.all(
        Array.from({ length: 15 }, () =>
          guesser.fail('enterprise.bind', { creditCode: makeCreditCode(), bindingCode: '12345678', ...who(12) }),
        ),
      )
      expect(replies.map((r) => r.status).sort()).toEqual([...Array(10).fill(400), ...Array(5).fill(429)])
      expect(replies.find((r) => r.status === 429)?.body).toMatchObject({
        error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^尝试次数过多，.*请在 10:00 之后再试/) },
      })
    })

    it('a crowd of fresh identities, one try each, is stopped at the enterprise’s tenth', async () => {
      const enterprise = await freshEnterprise()
      const issued = await api.call(officer, 'enterprise.issueBindingCode', { enterpriseId: enterprise.id })
      const wrong = (n: number) => String((Number(issued.code) + 1 + n) % 100_000_000).padStart(8, '0')
      const replies = await Promise.all(
        Array.from({ length: 15 }, (_, n) =>
          wechatAs(setup.services, `o-crowd-${n}`).fail('enterprise.bind', {
            creditCode: enterprise.creditCode,
            bindingCode: wrong(n),
            ...who(20 + n),
          }),
        ),
      )
      expect(replies.map((r) => r.status).sort()).toEqual([...Array(10).fill(400), ...Array(5).fill(429)])
      expect(replies.find((r) => r.status === 429)?.body).toMatchObject({
        error: { message: expect.stringMatching(/^这家企业的绑定尝试次数过多.*请在 10:00 之后再试/) },
      })
      // The enterprise's real owner, with the right code, also waits out the hour: nobody gets an 11th guess.
      const owner = wechatAs(setup.services, 'o-real-owner')
      expect(
        (await owner.fail('enterprise.bind', { creditCode: enterprise.creditCode, bindingCode: issued.code, ...who(40) })).status,
      ).toBe(429)
      // Another enterprise is not affected.
      const other = await api.call(officer, 'enterprise.issueBindingCode', { enterpriseId: town.enterprises.vialWorks.id })
      expect(
        (await owner.call('enterprise.bind', { creditCode: town.enterprises.vialWorks.credit_code, bindingCode: other.code, ...who(40) }))
          .state,
      ).toBe('pending')
    })

    it('the counters are in the store: a second host on the same store sees the same count', async () => {
      const enterprise = await freshEnterprise()
      const one = makeServices(store)
      const two = makeServices(store)
      const wrong = (n: number) => String(10_000_000 + n)
      for (let n = 0; n < 5; n++)
        await wechatAs(one.services, 'o-two-hosts').fail('enterprise.bind', {
          creditCode: enterprise.creditCode,
          bindingCode: wrong(n),
          ...who(50),
        })
      for (let n = 5; n < 10; n++)
        await wechatAs(two.services, 'o-two-hosts').fail('enterprise.bind', {
          creditCode: enterprise.creditCode,
          bindingCode: wrong(n),
          ...who(50),
        })
      expect(
        (
          await wechatAs(one.services, 'o-two-hosts').fail('enterprise.bind', {
            creditCode: enterprise.creditCode,
            bindingCode: wrong(10),
            ...who(50),
          })
        ).status,
      ).toBe(429)
      const counters = await store.db.selectFrom('attempt_counters').selectAll().where('scope', '=', 'bindByPerson').execute()
      expect(counters.map((c) => c.count)).toEqual([11])
    })
  })
})
