import { readSheet } from 'read-excel-file/node'
import { ROSTER_COLUMNS } from '../../cloud/domain/onboarding/roster'
import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeCreditCode } from '../support/factories'
import { rosterOf, rosterWorkbook } from '../support/roster'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

const admin = town.admin.id
const TITLES = ROSTER_COLUMNS.map((c) => c.title)

async function rowCount(store: Store, table: 'enterprises' | 'audit_log' | 'appeal_events' | 'messages') {
  return Number(
    (
      await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
}

describe('the organisation as data', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store)
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  it('departments: added and renamed by an admin, with their heads, counts and routed categories; every change audited', async () => {
    const added = await api.call(admin, 'org.saveDepartment', { name: '招商服务办', remit: '负责招商引资项目的落地服务。' })
    expect(added).toMatchObject({ name: '招商服务办', heads: [], officers: 0, enterprises: 0, categories: [], sortOrder: 6 })
    expect(await api.fail(admin, 'org.saveDepartment', { name: '金融服务办', remit: '重名' })).toMatchObject({
      status: 400,
      body: { error: { field: 'name' } },
    })
    const renamed = await api.call(admin, 'org.saveDepartment', {
      id: added.id,
      name: '招商引资服务办',
      remit: '负责招商引资项目的落地服务。',
    })
    expect(renamed.name).toBe('招商引资服务办')
    const industry = (await api.call(town.leader.id, 'org.departments', {})).find((d) => d.id === town.departments.industry.id)
    expect(industry).toMatchObject({
      heads: [{ id: town.heads.industry.id, name: town.heads.industry.name }],
      officers: 3,
      categories: ['政策兑现', '市场拓展', '其他'],
    })
    const audit = await api.call(admin, 'org.audit', { entity: 'department' })
    expect(audit.items.map((e) => [e.summary, e.actor?.name])).toEqual([
      ['修改部门「招商引资服务办」', town.admin.name],
      ['新增部门「招商服务办」', town.admin.name],
    ])
    expect(audit.items[0]).toMatchObject({ before: { name: '招商服务办' }, after: { name: '招商引资服务办' } })
  })

  it('routing: a category sent to another department takes effect for the next appeal filed', async () => {
    const owner = town.enterprises.medPack.owner
    const file = (n: number) =>
      api.call(owner.id, 'appeal.create', {
        clientRequestId: `req-route-${n}`,
        category: '融资',
        title: `续贷${n}`,
        description: '一笔贷款下月到期，希望协调银行续贷。',
        contactName: owner.name,
        contactPhone: owner.phone,
      })
    const before = await file(1)
    expect(before.department?.id).toBe(town.departments.finance.id)
    const rules = await api.call(admin, 'org.saveRouting', { category: '融资', departmentId: town.departments.planning.id })
    expect(rules.find((r) => r.category === '融资')?.department?.id).toBe(town.departments.planning.id)
    const after = await file(2)
    expect(after.department?.id).toBe(town.departments.planning.id)
    expect((await api.call(admin, 'org.audit', { entity: 'routing' })).items[0]).toMatchObject({
      summary: '「融资」类诉求改由规划建设办受理（原为金融服务办）',
      before: { departmentId: town.departments.finance.id },
      after: { departmentId: town.departments.planning.id },
    })
    expect(await api.fail(admin, 'org.saveRouting', { category: '融资', departmentId: 'dept-nowhere' })).toMatchObject({ status: 400 })
  })

  it('the visit frequency: set in the app, used by 走访达标 at once, audited', async () => {
    const before = await api.call(town.officer.id, 'visit.compliance', {})
    expect(before.self?.periodLabel).toBe('本周')
    const saved = await api.call(admin, 'org.saveVisitFrequency', { officer: 'month', dept_head: 'month', leader: 'quarter' })
    expect(saved.visitFrequency).toEqual({ officer: 'month', dept_head: 'month', leader: 'quarter' })
    expect((await api.call(town.leader.id, 'org.settings', {})).visitFrequency.officer).toBe('month')
    expect((await api.call(town.officer.id, 'visit.compliance', {})).self?.periodLabel).toBe('本月')
    expect((await api.call(admin, 'org.audit', { entity: 'setting' })).items[0].summary).toBe(
      '走访频次改为：驻企特派员每月，部门负责人每月，包抓领导每季度',
    )
  })

  it('the 包抓 leader and the officer of one enterprise: edited in the roster, audited, the officer change handed over', async () => {
    const e = town.enterprises.vialWorks
    const filed = await api.call(e.owner.id, 'appeal.create', {
      clientRequestId: 'req-one-move',
      category: '其他',
      title: '厂区道路破损',
      description: '厂区门口道路破损，货车进出困难。',
      contactName: e.owner.name,
      contactPhone: e.owner.phone,
    })
    const saved = await api.call(admin, 'roster.save', {
      id: e.id,
      name: e.name,
      creditCode: e.credit_code,
      kind: e.kind as '小微企业',
      industry: e.industry,
      park: e.park,
      address: e.address,
      legalPerson: e.legal_person,
      officerId: town.officers.industry2.id,
      leaderId: town.leaders.mayor.id,
    })
    expect(saved).toMatchObject({ officer: { id: town.officers.industry2.id }, leader: { id: town.leaders.mayor.id } })
    const moved = await api.call(town.officers.industry2.id, 'appeal.get', { id: filed.id })
    expect(moved.handler?.id).toBe(town.officers.industry2.id)
    expect(moved.timeline.at(-1)).toMatchObject({ action: 'handover', actionLabel: '交接', actorName: town.admin.name })
    const audit = await api.call(admin, 'org.audit', { entity: 'enterprise', entityId: e.id })
    expect(audit.items.map((i) => i.summary)).toEqual([
      `更换驻企特派员：${e.name} 的驻企特派员由 ${town.officer.name} 改为 ${town.officers.industry2.name}`,
      `修改企业「${e.name}」`,
    ])
    expect(audit.items[1].after).toEqual({ leader_id: town.leaders.mayor.id })
  })
})

describe('the enterprise roster from .xlsx', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store)
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  it('the template is a workbook whose first sheet has the roster’s header', async () => {
    const template = await api.call(admin, 'roster.template', {})
    expect(template.fileName).toBe('企业名录导入模板.xlsx')
    const sheet = await readSheet(Buffer.from(template.base64, 'base64'))
    expect(sheet).toEqual([TITLES])
  })

  it('a bad file is refused with every problem by row and column, and nothing is written', async () => {
    const good = rosterOf(4, [town.officer.name])
    const file = await rosterWorkbook([
      good[0],
      {
        ...good[1],
        统一社会信用代码: `${String(good[1].统一社会信用代码).slice(0, 17)}${String(good[1].统一社会信用代码).endsWith('0') ? '1' : '0'}`,
      },
      { ...good[2], 驻企特派员: '查无此人' },
      { ...good[3], 统一社会信用代码: good[0].统一社会信用代码 },
      { ...good[3], 统一社会信用代码: makeCreditCode(), 企业名称: '' },
    ])
    const enterprises = await rowCount(store, 'enterprises')
    const audit = await rowCount(store, 'audit_log')
    const result = await api.call(admin, 'roster.import', { file, apply: true })
    expect(result).toMatchObject({ ok: false, applied: false, rows: 5 })
    expect(result.problems.map((p) => p.text)).toEqual([
      '第 3 行 B 列「统一社会信用代码」：统一社会信用代码校验位不正确，请核对后重新输入',
      `第 4 行 K 列「驻企特派员」：找不到名叫「查无此人」的驻企特派员，请核对姓名或改填手机号；新同事请先在“人员管理”里添加`,
      '第 5 行 B 列「统一社会信用代码」：与第 2 行的代码重复',
      '第 6 行 A 列「企业名称」：不能为空',
    ])
    expect([await rowCount(store, 'enterprises'), await rowCount(store, 'audit_log')]).toEqual([enterprises, audit])
    expect(await api.fail(admin, 'roster.import', { file: Buffer.from('名称,代码\n甲,乙').toString('base64') })).toMatchObject({
      status: 400,
      body: { error: { field: 'file', message: expect.stringContaining('.xlsx') } },
    })
  })

  it('fifty enterprises: checked first (nothing written), then imported; the same file again changes nothing; changed rows update', async () => {
    const rows = rosterOf(50, [town.officer.name, town.officers.industry2.phone], town.leader.name)
    const file = await rosterWorkbook(rows)
    const before = await rowCount(store, 'enterprises')
    const checked = await api.call(admin, 'roster.import', { file })
    expect(checked).toMatchObject({ ok: true, applied: false, rows: 50, created: 50, updated: 0, unchanged: 0 })
    expect(await rowCount(store, 'enterprises')).toBe(before)

    const imported = await api.call(admin, 'roster.import', { file, apply: true })
    expect(imported).toMatchObject({ ok: true, applied: true, created: 50 })
    expect(await rowCount(store, 'enterprises')).toBe(before + 50)
    const page = await api.call(town.officers.industry2.id, 'roster.list', { query: '新区测试企业', limit: 50 })
    expect(page.total).toBe(25)
    expect(page.items[0]).toMatchObject({
      officer: { id: town.officers.industry2.id },
      leader: { id: town.leader.id },
      department: { id: town.departments.industry.id },
      active: true,
      owners: 0,
    })
    const audit = await rowCount(store, 'audit_log')
    const again = await api.call(admin, 'roster.import', { file, apply: true })
    expect(again).toMatchObject({ ok: true, applied: true, created: 0, updated: 0, unchanged: 50 })
    expect(await rowCount(store, 'audit_log')).toBe(audit)

    // Two rows changed: one's industry, one's officer (whose open appeal goes with it).
    const movedCode = String(rows[0].统一社会信用代码)
    const moving = (await api.call(admin, 'roster.list', { query: movedCode })).items[0]
    await api.call(admin, 'roster.save', {
      id: moving.id,
      name: moving.name,
      creditCode: moving.creditCode,
      kind: moving.kind as '小微企业',
      industry: moving.industry,
      park: moving.park,
      address: moving.address,
      legalPerson: moving.legalPerson,
      tags: moving.tags as never,
      contactName: moving.contactName,
      contactPhone: moving.contactPhone,
      officerId: town.officer.id,
      leaderId: town.leader.id,
    })
    const changed = [{ ...rows[0], 驻企特派员: town.officers.industry3.name }, { ...rows[1], 行业: '新材料' }, ...rows.slice(2)]
    const result = await api.call(admin, 'roster.import', { file: await rosterWorkbook(changed), apply: true })
    expect(result).toMatchObject({ ok: true, applied: true, created: 0, updated: 2, unchanged: 48, reassigned: 1 })
    expect((await api.call(admin, 'roster.list', { query: movedCode })).items[0].officer?.id).toBe(town.officers.industry3.id)
    expect((await api.call(admin, 'roster.list', { query: String(rows[1].统一社会信用代码) })).items[0].industry).toBe('新材料')
  })

  it('the export reads back with the template’s columns and imports back unchanged', async () => {
    const exported = await api.call(admin, 'roster.export', {})
    const sheet = await readSheet(Buffer.from(exported.base64, 'base64'))
    expect(sheet[0]).toEqual([...TITLES, '状态'])
    expect(sheet.length).toBe(town.all.enterprises.length + 1)
    const medPack = sheet.find((r) => r[1] === town.enterprises.medPack.credit_code)!
    expect(medPack.slice(0, 5)).toEqual([
      town.enterprises.medPack.name,
      town.enterprises.medPack.credit_code,
      '规上企业',
      '药包材',
      '青禾产业园',
    ])
    expect(medPack[10]).toBe(town.officer.name)
    const back = await api.call(admin, 'roster.import', { file: exported.base64, apply: true })
    expect(back).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: town.all.enterprises.length })
  })

  it('an enterprise leaves the roster: no longer owed visits, its live code revoked; and comes back', async () => {
    const e = town.enterprises.capsulePack
    await api.call(town.officer.id, 'enterprise.issueBindingCode', { enterpriseId: e.id })
    const off = await api.call(admin, 'roster.setActive', { id: e.id, active: false })
    expect(off.active).toBe(false)
    expect((await api.call(town.officer.id, 'enterprise.owners', { enterpriseId: e.id })).codeExpiresAt).toBeNull()
    expect((await api.call(town.officer.id, 'visit.compliance', {})).mine.map((m) => m.id)).not.toContain(e.id)
    expect((await api.call(town.officer.id, 'roster.list', {})).items.map((i) => i.id)).not.toContain(e.id)
    expect((await api.call(town.officer.id, 'roster.list', { status: 'deactivated' })).items.map((i) => i.id)).toEqual([e.id])
    expect(await api.fail(admin, 'roster.setActive', { id: e.id, active: false })).toMatchObject({ status: 409 })
    expect((await api.call(admin, 'roster.setActive', { id: e.id, active: true })).active).toBe(true)
  })
})

describe('handover (交接) and bulk 包保', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const leaving = town.officer
  const successor = town.officers.industry2
  const { medPack, vialWorks, capsulePack } = town.enterprises
  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store)
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  /** What the leaving officer holds: two open appeals (one accepted), a visit ahead, a plan milestone. */
  async function holdings() {
    const file = (n: number, e = medPack) =>
      api.call(e.owner.id, 'appeal.create', {
        clientRequestId: `req-hold-${n}`,
        category: '其他',
        title: `在办诉求${n}`,
        description: '交接前仍在办理的诉求。',
        contactName: e.owner.name,
        contactPhone: e.owner.phone,
      })
    const a1 = await file(1)
    const a2 = await file(2, vialWorks)
    await api.call(leaving.id, 'appeal.accept', { id: a2.id, version: a2.version, publicSummary: '企业诉求已受理，正在协调办理' })
    await api.call(leaving.id, 'visit.setAvailability', { weekOf: '2026-03-04', slots: [{ day: '2026-03-04', half: 'pm' }] })
    const visit = await api.call(medPack.owner.id, 'visit.book', {
      clientRequestId: 'req-hold-visit',
      hostId: leaving.id,
      day: '2026-03-04',
      half: 'pm',
      topic: '交接前约好的走访',
    })
    await api.call(town.heads.industry.id, 'plan.saveMilestone', { enterpriseId: capsulePack.id, title: '新车间投产', dueOn: '2026-04-30' })
    return { a1, a2, visit }
  }

  it('everything the officer holds moves to the successor in one step, each appeal with its event and message, audited', async () => {
    const { a1, a2, visit } = await holdings()
    const events = await rowCount(store, 'appeal_events')
    const result = await api.call(town.heads.industry.id, 'staff.handover', { fromId: leaving.id, toId: successor.id, note: '岗位调整' })
    expect(result).toEqual({
      from: { id: leaving.id, name: leaving.name },
      to: { id: successor.id, name: successor.name },
      enterprises: 3,
      appeals: 2,
      visits: 1,
      milestones: 1,
    })
    expect(await rowCount(store, 'appeal_events')).toBe(events + 2)
    for (const appeal of [a1, a2]) {
      const moved = await api.call(successor.id, 'appeal.get', { id: appeal.id })
      expect(moved.handler?.id).toBe(successor.id)
      expect(moved.timeline.at(-1)).toMatchObject({ action: 'handover', note: `交接：由 ${leaving.name} 交给 ${successor.name}` })
    }
    // The successor now covers the three firms and hosts the visit, on the same half-day.
    expect((await api.call(successor.id, 'roster.list', {})).items.map((e) => e.id).sort()).toEqual(
      expect.arrayContaining([medPack.id, vialWorks.id, capsulePack.id]),
    )
    expect(await api.call(successor.id, 'visit.get', { id: visit.id })).toMatchObject({
      host: { id: successor.id },
      day: '2026-03-04',
      half: 'pm',
    })
    expect((await api.call(medPack.owner.id, 'auth.me', {})).enterprise?.officer?.id).toBe(successor.id)
    // Told: the successor (one message per appeal and one of the whole), the owners (their new officer and the visit).
    const titles = async (userId: string) =>
      (await store.db.selectFrom('messages').select('title').where('user_id', '=', userId).execute()).map((m) => m.title)
    expect(await titles(successor.id)).toEqual(
      expect.arrayContaining([
        '交接给您的诉求',
        '交接给您的诉求',
        '交接：交给您3 家企业、2 件在办诉求、1 次待进行的走访',
        '走访改由新的驻企特派员负责',
      ]),
    )
    expect(await titles(medPack.owner.id)).toEqual(expect.arrayContaining(['您的驻企特派员已更换', '走访改由新的驻企特派员负责']))
    expect((await api.call(town.admin.id, 'org.audit', { entity: 'staff', entityId: leaving.id })).items[0].summary).toBe(
      `${leaving.name} 交接给 ${successor.name}：3 家企业、2 件在办诉求、1 次走访（岗位调整）`,
    )
    const left = (await api.call(town.admin.id, 'staff.list', {})).find((s) => s.id === leaving.id)
    expect(left?.holds).toEqual({ enterprises: 0, appeals: 0, visits: 0 })
  })

  it('a successor already busy that half-day stops the handover, and nothing moves', async () => {
    const { a1 } = await holdings()
    await api.call(successor.id, 'visit.setAvailability', { weekOf: '2026-03-04', slots: [{ day: '2026-03-04', half: 'pm' }] })
    await api.call(town.enterprises.bioMaterials.owner.id, 'visit.book', {
      clientRequestId: 'req-busy',
      hostId: successor.id,
      day: '2026-03-04',
      half: 'pm',
      topic: '接任人已约的走访',
    })
    const events = await rowCount(store, 'appeal_events')
    const refused = await api.fail(town.admin.id, 'staff.handover', { fromId: leaving.id, toId: successor.id })
    expect(refused).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('已有走访安排') } } })
    expect(await rowCount(store, 'appeal_events')).toBe(events)
    expect((await api.call(leaving.id, 'appeal.get', { id: a1.id })).handler?.id).toBe(leaving.id)
  })

  it('a handover needs an open officer account as successor; another department’s head cannot do it', async () => {
    expect(await api.fail(town.admin.id, 'staff.handover', { fromId: leaving.id, toId: town.heads.industry.id })).toMatchObject({
      status: 400,
      body: { error: { field: 'toId' } },
    })
    expect(await api.fail(town.admin.id, 'staff.handover', { fromId: leaving.id, toId: leaving.id })).toMatchObject({ status: 400 })
    expect(await api.fail(town.heads.finance.id, 'staff.handover', { fromId: leaving.id, toId: successor.id })).toMatchObject({
      status: 404,
    })
    await api.call(town.admin.id, 'staff.deactivate', { id: successor.id })
    expect(await api.fail(town.admin.id, 'staff.handover', { fromId: leaving.id, toId: successor.id })).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining('已停用') } },
    })
  })

  it('a closed account can still be handed over: its work goes on', async () => {
    const { a1 } = await holdings()
    await api.call(town.admin.id, 'staff.deactivate', { id: leaving.id })
    const result = await api.call(town.admin.id, 'staff.handover', { fromId: leaving.id, toId: successor.id })
    expect(result).toMatchObject({ enterprises: 3, appeals: 2, visits: 1 })
    expect((await api.call(successor.id, 'appeal.get', { id: a1.id })).handler?.id).toBe(successor.id)
  })

  it('a leader reassigning one enterprise (enterprise.assign) moves its open appeals and visits the same way, audited', async () => {
    const { a1, a2, visit } = await holdings()
    await api.call(town.leader.id, 'enterprise.assign', { enterpriseId: medPack.id, officerId: successor.id, team: '药包材专班' })
    const moved = await api.call(successor.id, 'appeal.get', { id: a1.id })
    expect(moved).toMatchObject({ handler: { id: successor.id } })
    expect(moved.timeline.at(-1)).toMatchObject({
      action: 'handover',
      actorName: town.leader.name,
      note: `调整包联：由 ${leaving.name} 交给 ${successor.name}`,
    })
    expect(await api.call(successor.id, 'visit.get', { id: visit.id })).toMatchObject({ host: { id: successor.id } })
    // Another enterprise's appeal stayed with its officer.
    expect((await api.call(leaving.id, 'appeal.get', { id: a2.id })).handler?.id).toBe(leaving.id)
    expect(
      (await api.call(town.admin.id, 'org.audit', { entity: 'enterprise', entityId: medPack.id })).items.map((i) => i.summary),
    ).toEqual([`调整包联：${medPack.name} 的驻企特派员由 ${leaving.name} 改为 ${successor.name}`, `调整「${medPack.name}」的包联安排`])
  })

  it('bulk 包保: a list of enterprises to one officer, by the same rules; a head only within the department', async () => {
    const { a1, a2 } = await holdings()
    const moved = await api.call(town.heads.industry.id, 'roster.assign', {
      enterpriseIds: [medPack.id, town.enterprises.bioMaterials.id],
      officerId: town.officers.industry3.id,
    })
    expect(moved).toEqual({ moved: 2, appeals: 1, visits: 1 })
    expect((await api.call(town.officers.industry3.id, 'appeal.get', { id: a1.id })).timeline.at(-1)).toMatchObject({
      action: 'handover',
      note: `批量包保：由 ${leaving.name} 交给 ${town.officers.industry3.name}`,
    })
    // vialWorks stayed with its officer, and so did its appeal.
    expect((await api.call(leaving.id, 'appeal.get', { id: a2.id })).handler?.id).toBe(leaving.id)
    expect(
      await api.fail(town.heads.industry.id, 'roster.assign', { enterpriseIds: [vialWorks.id], officerId: town.officers.finance.id }),
    ).toMatchObject({ status: 403 })
    expect(
      await api.fail(town.heads.industry.id, 'roster.assign', { enterpriseIds: [town.enterprises.grainFoods.id], officerId: successor.id }),
    ).toMatchObject({ status: 404 })
    expect(
      await api.fail(town.admin.id, 'roster.assign', { enterpriseIds: [vialWorks.id], officerId: town.heads.industry.id }),
    ).toMatchObject({
      status: 400,
      body: { error: { field: 'officerId' } },
    })
  })
})
