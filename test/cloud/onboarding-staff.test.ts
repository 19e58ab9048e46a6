import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { callerFromBearer } from '../../cloud/app/identity'
import { dispatch } from '../../cloud/app/router'
import type { StaffInvitation } from '../../cloud/contract'
import { DAY, HOUR } from '../../cloud/domain/time-units'
import { openStore, type Store } from '../../cloud/store/connect'
import { migrateToLatest } from '../../cloud/store/migrate'
import { findUserById } from '../../cloud/store/repositories/users'
import { createSetupCode } from '../../cloud/workflows/setup-code'
import { apiAs, wechatAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

const count = async (store: Store, table: 'users' | 'audit_log' | 'access_codes' | 'messages') =>
  Number(
    (
      await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('the first admin: the operator’s setup code', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  beforeEach(async () => {
    store = await makeStore({ seed: false })
    setup = makeServices(store)
  })
  afterEach(() => store.close())

  it('a fresh WeChat user enters it with their name and becomes the admin; it works once; the change is audited', async () => {
    const { code, expiresAt, admins } = await createSetupCode(store.db, setup.clock.now())
    expect([code.length, expiresAt - setup.clock.now(), admins]).toEqual([14, DAY, 0])
    // Only a hash is stored: the code is nowhere in the table.
    const stored = JSON.stringify(await store.db.selectFrom('access_codes').selectAll().execute())
    expect(stored).not.toContain(code)
    expect(stored).not.toContain(code.replace(/-/g, ''))

    const first = wechatAs(setup.services, 'o-first-admin')
    expect((await first.call('auth.me', {})).user.role).toBe('guest')
    const noName = await first.fail('staff.claim', { code })
    expect(noName).toMatchObject({ status: 400, body: { error: { field: 'name', message: expect.stringContaining('请填写您的姓名') } } })
    // Lower case, without dashes: as people type it.
    const claimed = await first.call('staff.claim', { code: code.replace(/-/g, '').toLowerCase(), name: '葛书言' })
    expect(claimed).toMatchObject({ kind: 'setup', me: { user: { role: 'admin', name: '葛书言', roleLabel: '管理员' } } })

    const second = wechatAs(setup.services, 'o-someone-else')
    expect(await second.fail('staff.claim', { code, name: '冒名者' })).toMatchObject({
      status: 409,
      body: { error: { code: 'CONFLICT', message: expect.stringContaining('已经用过了') } },
    })
    expect((await second.user()).role).toBe('guest')
    const audit = await first.call('org.audit', {})
    expect(audit.items.map((e) => e.summary)).toEqual(['葛书言 用管理员设置码成为管理员', '运维人员在命令行生成了管理员设置码'])
  })

  it('a day later the code has expired; a wrong code is told apart from neither', async () => {
    const { code } = await createSetupCode(store.db, setup.clock.now())
    const guest = wechatAs(setup.services, 'o-late')
    expect(await guest.fail('staff.claim', { code: 'ABCD-EFGH-JKMN', name: '某人' })).toMatchObject({
      status: 400,
      body: { error: { field: 'code', message: expect.stringContaining('邀请码不正确') } },
    })
    setup.clock.advance(DAY)
    expect(await guest.fail('staff.claim', { code, name: '某人' })).toMatchObject({
      status: 400,
      body: { error: { field: 'code', message: expect.stringContaining('已过期') } },
    })
    expect((await guest.user()).role).toBe('guest')
  })

  it('npm run admin:setup prints a code for the store DATABASE_URL names, which a WeChat user then claims', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bangban-setup-'))
    try {
      const url = join(dir, 'town.sqlite')
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin-setup.ts'], {
        env: { ...process.env, DATABASE_URL: url, DATA_DIR: dir },
        encoding: 'utf8',
      })
      expect(run.status).toBe(0)
      const code = /\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(run.stdout)?.[1]
      expect(code).toBeDefined()
      expect(run.stdout).toContain('我的 → 工作人员加入')
      const local = await openStore(url)
      try {
        await migrateToLatest(local)
        const { services } = makeServices(local, { now: Date.now() })
        const claimed = await wechatAs(services, 'o-operator').call('staff.claim', { code, name: '首位管理员' })
        expect(claimed.me.user.role).toBe('admin')
      } finally {
        await local.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('staff invitations', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const admin = town.admin.id
  const industryHead = town.heads.industry.id
  const financeHead = town.heads.finance.id
  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store)
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  const newOfficer = (departmentId: string = town.departments.industry.id, phone = '13611110001') => ({
    name: '新特派员',
    title: '驻企特派员',
    phone,
    role: 'officer' as const,
    departmentId,
  })

  it('an admin adds a member of staff: the record waits for its invitation, which a fresh WeChat identity claims', async () => {
    const invitation = await api.call(admin, 'staff.add', newOfficer())
    expect(invitation).toMatchObject({
      staff: { name: '新特派员', role: 'officer', status: 'invited', claimed: false, department: { name: '产业服务办' } },
      expiresAt: setup.clock.now() + 7 * DAY,
      image: `/codes/join/${invitation.code.replace(/-/g, '')}.png`,
    })
    expect((await api.call(admin, 'staff.list', {})).find((s) => s.id === invitation.staff.id)).toMatchObject({
      status: 'invited',
      invitationExpiresAt: invitation.expiresAt,
    })

    // A WeChat user seen for the first time, as the H5 login page's "以新微信用户身份进入" makes one.
    const login = await dispatch(setup.services, { kind: 'anonymous' }, 'auth.devLogin', { openid: 'o-new-officer' })
    expect(login.body).toMatchObject({ ok: true, data: { me: { user: { role: 'guest' } } } })
    const token = (login.body as { data: { token: string } }).data.token
    const phone = wechatAs(setup.services, 'o-new-officer')
    const claimed = await phone.call('staff.claim', { code: invitation.code })
    expect(claimed).toMatchObject({ kind: 'staff', me: { user: { id: invitation.staff.id, role: 'officer', name: '新特派员' } } })
    // The same session is the officer from the next call on, as the OPENID is on WeChat.
    const caller = await callerFromBearer(store.db, setup.services.devTokens, `Bearer ${token}`, setup.clock)
    expect(caller).toMatchObject({ kind: 'user', user: { id: invitation.staff.id, openid: 'o-new-officer' } })
    expect(await phone.call('appeal.inbox', { filter: 'open' })).toMatchObject({ items: [] })
    expect((await api.call(admin, 'staff.list', {})).find((s) => s.id === invitation.staff.id)).toMatchObject({
      status: 'active',
      claimed: true,
      invitationExpiresAt: null,
    })
    // The inviter is told.
    expect((await api.call(admin, 'message.list', {})).items[0]).toMatchObject({ title: '新特派员已领取邀请' })
  })

  it('a form sent twice adds one person; the repeat answers a fresh invitation in place of the first, and none once they have joined', async () => {
    const form = { ...newOfficer(), clientRequestId: 'req-staff-add-twice' }
    const first = await api.call(admin, 'staff.add', form)
    const again = await api.call(admin, 'staff.add', form)
    expect(again.staff.id).toBe(first.staff.id)
    expect(again.code).not.toBe(first.code)
    expect((await api.call(admin, 'staff.list', {})).filter((s) => s.name === '新特派员')).toHaveLength(1)
    // The first code no longer works; the one the repeat answered does.
    const phone = wechatAs(setup.services, 'o-twice')
    expect((await phone.fail('staff.claim', { code: first.code })).status).toBe(400)
    await phone.call('staff.claim', { code: again.code })
    // Joined, the person is not invited again by an old form.
    expect(await api.fail(admin, 'staff.add', form)).toMatchObject({
      status: 409,
      body: { error: { message: '新特派员已添加过，请在人员列表中查看' } },
    })
    // The same request id on another action is refused, not taken for this one.
    expect(await api.fail(admin, 'policy.save', { clientRequestId: form.clientRequestId, title: '同号请求' })).toMatchObject({
      status: 409,
    })
  })

  it('two submits of one form at once add one person, and the invitation answered last is the one that works', async () => {
    const form = { ...newOfficer(), clientRequestId: 'req-staff-add-race' }
    const [a, b] = await Promise.all([api.call(admin, 'staff.add', form), api.call(admin, 'staff.add', form)])
    expect(a.staff.id).toBe(b.staff.id)
    expect(await store.db.selectFrom('users').select('id').where('phone', '=', form.phone).execute()).toEqual([{ id: a.staff.id }])
    // Each answer's code is a live invitation of that person, or one the other replaced: one of them claims it.
    const phone = wechatAs(setup.services, 'o-race')
    const claims = await Promise.all([a.code, b.code].map((code) => phone.fail('staff.claim', { code })))
    expect(claims.filter((reply) => reply.status === 200)).toHaveLength(1)
    expect((await phone.user()).id).toBe(a.staff.id)
  })

  it('an expired, a revoked and a spent invitation are each refused, saying which; a re-issued one works', async () => {
    const expired = await api.call(admin, 'staff.add', newOfficer())
    setup.clock.advance(7 * DAY)
    const late = wechatAs(setup.services, 'o-late')
    expect(await late.fail('staff.claim', { code: expired.code })).toMatchObject({
      status: 400,
      body: { error: { field: 'code', message: expect.stringContaining('已过期') } },
    })

    const reissued = await api.call(admin, 'staff.invite', { id: expired.staff.id })
    const again = await api.call(admin, 'staff.invite', { id: expired.staff.id })
    expect(await late.fail('staff.claim', { code: reissued.code })).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining('已被收回') } },
    })
    expect((await late.call('staff.claim', { code: again.code })).me.user.id).toBe(expired.staff.id)
    expect(await wechatAs(setup.services, 'o-too-late').fail('staff.claim', { code: again.code })).toMatchObject({
      status: 409,
      body: { error: { message: expect.stringContaining('已经用过了') } },
    })

    const revoked = await api.call(admin, 'staff.add', newOfficer(town.departments.industry.id, '13611110002'))
    const left = await api.call(admin, 'staff.revokeInvitation', { id: revoked.staff.id })
    expect(left.invitationExpiresAt).toBeNull()
    expect(await wechatAs(setup.services, 'o-revoked').fail('staff.claim', { code: revoked.code })).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining('已被收回') } },
    })
    expect(await api.fail(admin, 'staff.revokeInvitation', { id: revoked.staff.id })).toMatchObject({ status: 409 })
  })

  it('a head adds officers to their own department only: another department, or another role, is refused and nothing is written', async () => {
    const own = await api.call(industryHead, 'staff.add', newOfficer())
    expect(own.staff.department?.id).toBe(town.departments.industry.id)
    const users = await count(store, 'users')
    const codes = await count(store, 'access_codes')
    const elsewhere = await api.fail(industryHead, 'staff.add', newOfficer(town.departments.finance.id, '13611110003'))
    expect(elsewhere).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN', message: '部门负责人只能管理本部门的人员' } },
    })
    const head = await api.fail(industryHead, 'staff.add', { ...newOfficer(undefined, '13611110004'), role: 'dept_head' })
    expect(head).toMatchObject({ status: 403, body: { error: { message: '部门负责人只能添加和管理本部门的驻企特派员' } } })
    expect(await api.fail(industryHead, 'staff.add', { ...newOfficer(undefined, '13611110005'), role: 'admin' })).toMatchObject({
      status: 403,
    })
    expect([await count(store, 'users'), await count(store, 'access_codes')]).toEqual([users, codes])

    // Another department's people are not there for them.
    for (const action of ['staff.invite', 'staff.revokeInvitation', 'staff.deactivate'] as const)
      expect([action, (await api.fail(financeHead, action, { id: own.staff.id })).status]).toEqual([action, 404])
    expect(await api.fail(financeHead, 'staff.list', { departmentId: town.departments.industry.id })).toMatchObject({ status: 403 })
    expect((await api.call(financeHead, 'staff.list', {})).every((s) => s.department?.id === town.departments.finance.id)).toBe(true)
  })

  it('a record needs what its role needs, a phone nobody else on the staff uses, and a department that exists', async () => {
    expect(await api.fail(admin, 'staff.add', { ...newOfficer(), departmentId: undefined })).toMatchObject({
      status: 400,
      body: { error: { field: 'departmentId' } },
    })
    expect(await api.fail(admin, 'staff.add', newOfficer('dept-nowhere'))).toMatchObject({
      status: 400,
      body: { error: { field: 'departmentId' } },
    })
    expect(await api.fail(admin, 'staff.add', { ...newOfficer(), phone: town.officer.phone })).toMatchObject({
      status: 400,
      body: { error: { field: 'phone', message: expect.stringContaining(town.officer.name) } },
    })
    const leader = await api.call(admin, 'staff.add', { name: '新领导', title: '副镇长', phone: '13611110009', role: 'leader' })
    expect(leader.staff).toMatchObject({ role: 'leader', department: null })
  })

  it('a deactivated account loses access at once, on every path, and its history stays', async () => {
    const invitation = await api.call(admin, 'staff.add', newOfficer())
    const login = await dispatch(setup.services, { kind: 'anonymous' }, 'auth.devLogin', { openid: 'o-leaving' })
    const token = (login.body as { data: { token: string } }).data.token
    const phone = wechatAs(setup.services, 'o-leaving')
    await phone.call('staff.claim', { code: invitation.code })
    const appeal = await api.call(town.enterprises.medPack.owner.id, 'appeal.create', {
      clientRequestId: 'req-history',
      category: '其他',
      title: '历史诉求',
      description: '一条在停用之前受理的诉求。',
      contactName: '陆明远',
      contactPhone: town.enterprises.medPack.owner.phone,
    })
    await api.call(industryHead, 'appeal.assign', { id: appeal.id, version: appeal.version, officerId: invitation.staff.id })
    const held = await phone.call('appeal.get', { id: appeal.id })
    await phone.call('appeal.accept', { id: appeal.id, version: held.version, publicSummary: '企业诉求已受理，正在协调办理' })

    expect(await api.fail(admin, 'staff.deactivate', { id: admin })).toMatchObject({ status: 403 })
    const closed = await api.call(admin, 'staff.deactivate', { id: invitation.staff.id, reason: '调离' })
    expect(closed).toMatchObject({ status: 'deactivated', claimed: false, deactivatedAt: setup.clock.now() })

    // WeChat: the identity is a stranger again (a guest), with no officer's rights.
    expect((await phone.call('auth.me', {})).user.role).toBe('guest')
    expect(await phone.fail('appeal.get', { id: appeal.id })).toMatchObject({ status: 403 })
    // The local session by the same WeChat identity: the same.
    expect(await callerFromBearer(store.db, setup.services.devTokens, `Bearer ${token}`, setup.clock)).toMatchObject({
      user: { role: 'guest' },
    })
    // A session naming the record itself, and dev login as it, reach nothing.
    const { token: byId } = await setup.services.devTokens!.issue(invitation.staff.id)
    expect(await callerFromBearer(store.db, setup.services.devTokens, `Bearer ${byId}`, setup.clock)).toEqual({ kind: 'anonymous' })
    expect(await dispatch(setup.services, { kind: 'anonymous' }, 'auth.devLogin', { userId: invitation.staff.id })).toMatchObject({
      status: 403,
    })
    // Whatever a host found for it: the router refuses a closed account.
    expect(await api.fail(invitation.staff.id, 'auth.me', {})).toMatchObject({
      status: 401,
      body: { error: { message: '您的账号已停用，如有疑问请联系管理员' } },
    })
    // History stays: the timeline names who accepted it.
    const events = await store.db.selectFrom('appeal_events').select(['actor_id', 'action']).where('appeal_id', '=', appeal.id).execute()
    expect(events).toEqual(expect.arrayContaining([{ actor_id: invitation.staff.id, action: 'accept' }]))
    expect(await findUserById(store.db, invitation.staff.id)).toMatchObject({ name: '新特派员', role: 'officer', openid: null })
    expect((await api.call(admin, 'staff.list', {})).some((s) => s.id === invitation.staff.id)).toBe(false)
    expect(
      (await api.call(admin, 'staff.list', { includeDeactivated: true })).find((s) => s.id === invitation.staff.id)?.holds.appeals,
    ).toBe(1)
    expect(await api.fail(admin, 'staff.invite', { id: invitation.staff.id })).toMatchObject({ status: 409 })
    expect(await api.fail(admin, 'staff.deactivate', { id: invitation.staff.id })).toMatchObject({ status: 409 })
  })

  it('the last admin is never closed or demoted; nobody changes their own role', async () => {
    expect(await api.fail(admin, 'staff.update', { id: admin, role: 'leader' })).toMatchObject({ status: 403 })
    const second = await api.call(admin, 'staff.add', { name: '第二管理员', title: '管理员', phone: '13611110010', role: 'admin' })
    await api.call(admin, 'staff.deactivate', { id: second.staff.id })
    expect(await api.fail(second.staff.id, 'staff.deactivate', { id: admin })).toMatchObject({ status: 401 })
    const leader = town.leader.id
    expect(await api.fail(leader, 'staff.deactivate', { id: admin })).toMatchObject({ status: 403 })
    // The seeded admin is now the only one.
    const third = await api.call(admin, 'staff.add', { name: '第三管理员', title: '管理员', phone: '13611110011', role: 'admin' })
    const claimed = wechatAs(setup.services, 'o-third-admin')
    await claimed.call('staff.claim', { code: third.code })
    await claimed.call('staff.deactivate', { id: admin })
    expect(await claimed.fail('staff.update', { id: third.staff.id, role: 'leader' })).toMatchObject({ status: 403 })
    expect(await claimed.fail('staff.deactivate', { id: third.staff.id })).toMatchObject({ status: 403 })
  })

  it('a head corrects their officer’s name and phone, audited; a role change waits for the handover', async () => {
    const updated = await api.call(industryHead, 'staff.update', { id: town.officer.id, title: '高级驻企特派员', phone: '13611119999' })
    expect(updated).toMatchObject({ title: '高级驻企特派员', phone: '13611119999' })
    expect(await api.fail(industryHead, 'staff.update', { id: town.officer.id, departmentId: town.departments.finance.id })).toMatchObject({
      status: 403,
    })
    expect(await api.fail(admin, 'staff.update', { id: town.officer.id, role: 'dept_head' })).toMatchObject({
      status: 409,
      body: { error: { message: expect.stringContaining('请先交接') } },
    })
    const audit = await api.call(admin, 'org.audit', { entity: 'staff', entityId: town.officer.id })
    expect(audit.items[0]).toMatchObject({
      actor: { name: town.heads.industry.name },
      summary: `修改 ${town.officer.name} 的职务、电话`,
      before: { title: town.officer.title, phone: town.officer.phone },
      after: { title: '高级驻企特派员', phone: '13611119999' },
    })
  })

  it('a guest without a WeChat identity cannot take a staff record; ten tries an hour, then 429 saying when', async () => {
    const invitation: StaffInvitation = await api.call(admin, 'staff.add', newOfficer())
    expect(await api.fail(town.guest.id, 'staff.claim', { code: invitation.code })).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining('请在微信小程序里领取邀请') } },
    })
    const guesser = wechatAs(setup.services, 'o-guesser')
    for (let i = 0; i < 10; i++) expect((await guesser.fail('staff.claim', { code: `ABCD-EFGH-JK${'MNPQRSTUVW'[i]}2` })).status).toBe(400)
    // The eleventh try is refused before its code is looked at, even the right code.
    expect(await guesser.fail('staff.claim', { code: invitation.code })).toMatchObject({
      status: 429,
      body: { error: { code: 'RATE_LIMITED' } },
    })
    setup.clock.advance(HOUR)
    expect((await guesser.call('staff.claim', { code: invitation.code })).kind).toBe('staff')
  })
})
