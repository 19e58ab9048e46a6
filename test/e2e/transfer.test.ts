import { dispatch } from '../../cloud/app/router'
import type { AppealDetail } from '../../cloud/contract'
import { findUserById } from '../../cloud/store/repositories/users'
import { town } from '../support/town'
import { makeServices } from '../support/services'
import { phonePage, see, shoot, signInAs, startHarness, tapMove, tapText, typeInto, type Harness } from './browser'

jest.setTimeout(120_000)

describe('[转办] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[转办] 承办人把诉求转给应办部门，该部门负责人在工作台看到它', async () => {
    const enterprise = town.enterprises.grainFoods
    const officer = town.all.staff.find((u) => u.id === enterprise.officer_id)!
    const planning = town.departments.planning.name
    const landHead = town.heads.planning
    const title = `新厂房用地红线（${Date.now() % 100000}）`
    const owner = await findUserById(harness.store.db, enterprise.owner.id)
    const filed = await dispatch(
      makeServices(harness.store, { now: Date.now() }).services,
      { kind: 'user', user: owner! },
      'appeal.create',
      {
        clientRequestId: `req-${Date.now()}`,
        category: '其他',
        title,
        description: '新厂房规划红线与现有围墙冲突，需要重新核定。',
        contactName: enterprise.owner.name,
        contactPhone: enterprise.owner.phone,
      },
    )
    expect(filed.status).toBe(200)
    expect((filed.body as { data: AppealDetail }).data.title).toBe(title)

    const staff = await phonePage(harness)
    await signInAs(staff.page, harness, officer.name)
    await tapText(staff.page, '我的')
    await tapText(staff.page, '特派员工作台')
    await tapText(staff.page, title)
    await tapMove(staff.page, '转办')
    await tapText(staff.page, planning)
    await typeInto(staff.page, '转办理由：为什么应由该部门办理', `涉及用地规划红线，应由${planning}核定`)
    await shoot(staff.page, 'appeal-transfer', { fullPage: true })
    await tapText(staff.page, '确认转办')
    await staff.page.waitForURL(/workbench/)

    const head = await phonePage(harness)
    await signInAs(head.page, harness, landHead.name)
    await tapText(head.page, '我的')
    await tapText(head.page, '部门工作台')
    await see(head.page, title)
    await shoot(head.page, 'workbench-after-transfer', { fullPage: true })
    expect([...staff.errors, ...head.errors]).toEqual([])
  })
})
