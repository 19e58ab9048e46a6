import { APPEAL_CATEGORIES } from '../../cloud/domain/appeal/categories'
import type { Store } from '../../cloud/store/connect'
import { createSetupCode } from '../../cloud/workflows/setup-code'
import { wechatAs } from '../support/api'
import { makeCreditCode } from '../support/factories'
import { rosterOf, rosterWorkbook } from '../support/roster'
import { makeServices, makeStore } from '../support/services'

/**
 * A county goes live, through the API as the cloud function serves it (every caller a WeChat
 * OPENID, nobody seeded): the operator's setup code → the first admin → a department and two
 * officers invited and claimed by fresh identities → a bad roster refused with row and column
 * messages and nothing written → fifty enterprises imported → an officer issues a binding code →
 * a fresh identity binds → files an appeal → the officer handles it → handover to the successor,
 * who finishes it, and the enterprise rates it. npm run test:postgres runs it on PostgreSQL.
 */
describe('a county goes live', () => {
  let store: Store
  beforeAll(async () => {
    store = await makeStore({ seed: false })
  })
  afterAll(() => store.close())

  it('from an empty store to a handled appeal and a handover, every step by a WeChat identity', async () => {
    const { services, clock } = makeServices(store)
    const count = async (table: 'enterprises' | 'users' | 'departments') =>
      Number(
        (
          await store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    expect([await count('departments'), await count('users'), await count('enterprises')]).toEqual([0, 0, 0])

    // The operator, at the command line.
    const { code: setupCode } = await createSetupCode(store.db, clock.now())
    const admin = wechatAs(services, 'o-journey-admin')
    expect((await admin.call('staff.claim', { code: setupCode, name: '葛书言' })).me.user.role).toBe('admin')

    // The organisation: a department, where every category goes, and two officers.
    const department = await admin.call('org.saveDepartment', { name: '产业服务办', remit: '统筹企业诉求的受理、交办和督办。' })
    for (const category of APPEAL_CATEGORIES) await admin.call('org.saveRouting', { category, departmentId: department.id })
    const invite = (name: string, phone: string) =>
      admin.call('staff.add', {
        clientRequestId: `req-journey-staff-${phone}`,
        name,
        title: '驻企特派员',
        phone,
        role: 'officer',
        departmentId: department.id,
      })
    const first = await invite('林晓禾', '13688880001')
    const second = await invite('周安然', '13688880002')
    const officer = wechatAs(services, 'o-journey-officer')
    const successor = wechatAs(services, 'o-journey-successor')
    expect((await officer.call('staff.claim', { code: first.code })).me.user).toMatchObject({ id: first.staff.id, role: 'officer' })
    expect((await successor.call('staff.claim', { code: second.code.toLowerCase() })).me.user.id).toBe(second.staff.id)
    const staff = await admin.call('staff.list', {})
    expect(staff[0]).toMatchObject({ name: '葛书言', role: 'admin', status: 'active' })
    expect(
      staff
        .slice(1)
        .map((s) => [s.name, s.status, s.department?.name])
        .sort(),
    ).toEqual([
      ['周安然', 'active', '产业服务办'],
      ['林晓禾', 'active', '产业服务办'],
    ])

    // A bad roster first: refused with every problem by row and column; nothing written.
    const roster = rosterOf(50, ['林晓禾', '13688880002'])
    const bad = await rosterWorkbook([
      ...roster.slice(0, 3),
      {
        ...roster[3],
        统一社会信用代码: `${String(roster[3].统一社会信用代码).slice(0, 17)}${String(roster[3].统一社会信用代码).endsWith('0') ? '1' : '0'}`,
      },
      { ...roster[4], 驻企特派员: '王不在' },
      { ...roster[5], 统一社会信用代码: roster[0].统一社会信用代码 },
      { ...roster[6], 企业名称: '' },
    ])
    const refused = await admin.call('roster.import', { file: bad, apply: true })
    expect(refused.ok).toBe(false)
    expect(refused.problems.map((p) => [p.row, p.letter, p.column])).toEqual([
      [5, 'B', '统一社会信用代码'],
      [6, 'K', '驻企特派员'],
      [7, 'B', '统一社会信用代码'],
      [8, 'A', '企业名称'],
    ])
    expect(await count('enterprises')).toBe(0)

    // Fifty enterprises, covered by the two officers (by name, and by phone).
    const imported = await admin.call('roster.import', { file: await rosterWorkbook(roster), apply: true })
    expect(imported).toMatchObject({ ok: true, applied: true, created: 50 })
    const mine = await officer.call('roster.list', { limit: 50 })
    expect(mine.total).toBe(25)

    // The officer issues a binding code for one of theirs; a fresh identity binds with it.
    const enterprise = mine.items[0]
    const binding = await officer.call('enterprise.issueBindingCode', { enterpriseId: enterprise.id })
    const owner = wechatAs(services, 'o-journey-owner')
    expect(
      await owner.fail('enterprise.bind', {
        creditCode: makeCreditCode(),
        bindingCode: binding.code,
        name: '赵企业',
        phone: '13699990001',
      }),
    ).toMatchObject({ status: 400 })
    const bound = await owner.call('enterprise.bind', {
      creditCode: enterprise.creditCode,
      bindingCode: binding.code,
      name: '赵企业',
      phone: '13699990001',
    })
    expect(bound).toMatchObject({
      state: 'bound',
      me: { user: { role: 'owner' }, enterprise: { id: enterprise.id, officer: { name: '林晓禾' } } },
    })

    // The owner files an appeal; the officer, a real WeChat identity, handles it.
    const appeal = await owner.call('appeal.create', {
      clientRequestId: 'req-journey-1',
      category: '水电气路',
      title: '新车间需要增容供电',
      description: '新车间投产在即，现有变压器容量不够，需要协调供电所增容。',
      contactName: '赵企业',
      contactPhone: '13699990001',
    })
    expect(appeal).toMatchObject({ state: 'submitted', department: { id: department.id }, handler: { id: first.staff.id } })
    const inbox = await officer.call('appeal.inbox', { filter: 'open' })
    expect(inbox.items.map((a) => a.id)).toEqual([appeal.id])
    const accepted = await officer.call('appeal.accept', {
      id: appeal.id,
      version: appeal.version,
      publicSummary: '企业诉求已受理，正在协调办理',
    })
    const progressed = await officer.call('appeal.progress', { id: appeal.id, version: accepted.version, note: '已联系供电所现场勘查' })

    // The officer moves on: everything goes to the successor.
    const handover = await admin.call('staff.handover', { fromId: first.staff.id, toId: second.staff.id, note: '岗位调整' })
    expect(handover).toMatchObject({ enterprises: 25, appeals: 1, visits: 0 })
    expect(
      await officer.fail('appeal.accept', { id: appeal.id, version: progressed.version, publicSummary: '企业诉求已受理，正在协调办理' }),
    ).toMatchObject({ status: 403 })
    const held = await successor.call('appeal.get', { id: appeal.id })
    expect(held).toMatchObject({ state: 'in_progress', handler: { id: second.staff.id } })
    expect(held.timeline.map((e) => e.actionLabel)).toEqual(['提交诉求', '受理', '办理进展', '交接'])
    const resolved = await successor.call('appeal.resolve', { id: appeal.id, version: held.version, outcome: '供电所已完成增容' })
    const rated = await owner.call('appeal.rate', { id: appeal.id, version: resolved.version, rating: 'satisfied' })
    expect(rated.state).toBe('closed')
    expect((await owner.call('auth.me', {})).enterprise?.officer?.name).toBe('周安然')
    expect((await owner.call('message.list', {})).items.map((m) => m.title)).toContain('您的驻企特派员已更换')

    // Every step of the organisation is on record.
    const actions: string[] = []
    for (let offset = 0, more = true; more; offset += 50) {
      const page = await admin.call('org.audit', { limit: 50, offset })
      actions.push(...page.items.map((e) => e.action))
      more = page.hasMore
    }
    const tally = Object.fromEntries([...new Set(actions)].map((a) => [a, actions.filter((b) => b === a).length]))
    expect(tally).toEqual({
      'setup-code': 1,
      setup: 1,
      // The department, then the two officers.
      add: 3,
      // Ten categories routed.
      update: 10,
      claim: 2,
      // Fifty enterprises and the import as a whole.
      import: 51,
      issue: 1,
      bind: 1,
      // Each enterprise that changed hands, and the handover as a whole.
      assign: 25,
      handover: 1,
    })
  })
})
